using static TorchSharp.torch;

namespace Sentiment.Trainer.Tests;

[Collection(TorchCollection.Name)]
public class TorchSharpLoadTests
{
    [Fact]
    public void NativeLibrary_Loads_AndComputes()
    {
        using var sum = ones(2).sum();

        Assert.Equal(2f, sum.item<float>());
    }
}
