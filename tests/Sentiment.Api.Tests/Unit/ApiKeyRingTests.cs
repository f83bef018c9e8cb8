using Microsoft.Extensions.Options;
using Sentiment.Api.Access;
using Sentiment.Api.Configuration;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

public sealed class ApiKeyRingTests
{
    private static ApiKeyRing Ring(params ApiKeyOptions[] keys) => new(Options.Create(new AuthOptions { ApiKeys = [.. keys] }));

    [Fact]
    public void Find_ReturnsTheEntryWhoseHashMatches()
    {
        var ci = new ApiKeyOptions { Name = "ci", Sha256 = TestKeys.Sha256(TestKeys.Ci) };
        var ops = new ApiKeyOptions { Name = "ops", Sha256 = TestKeys.Sha256(TestKeys.Ops), Admin = true };

        var ring = Ring(ci, ops);

        Assert.Same(ops, ring.Find(TestKeys.Ops));
        Assert.Same(ci, ring.Find(TestKeys.Ci));
        Assert.Null(ring.Find(TestKeys.Ci[..^1]));
        Assert.Null(ring.Find(TestKeys.Sha256(TestKeys.Ci))); // the hash itself is not a key
    }

    [Fact]
    public void NoKeys_IsNotEnabled()
    {
        Assert.False(Ring().Enabled);
        Assert.True(Ring(new ApiKeyOptions { Name = "a", Sha256 = new string('0', 64) }).Enabled);
    }

    [Theory]
    [InlineData("ci", "abc", "Auth:ApiKeys:0:Sha256 must be 64 hex digits")]
    [InlineData("ci", "zz00000000000000000000000000000000000000000000000000000000000000", "64 hex digits")]
    [InlineData("", "0000000000000000000000000000000000000000000000000000000000000000", "Auth:ApiKeys:0:Name is required")]
    public void Validation_RefusesBadEntries(string name, string sha256, string message)
    {
        var options = new AuthOptions { ApiKeys = [new ApiKeyOptions { Name = name, Sha256 = sha256 }] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_RefusesDuplicateNames()
    {
        string hash = new('a', 64);
        var options = new AuthOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "ci", Sha256 = hash }, new ApiKeyOptions { Name = "ci", Sha256 = hash }],
        };

        var error = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains("Auth:ApiKeys:1:Name 'ci' is used by another key", error.ErrorMessage);
    }
}
