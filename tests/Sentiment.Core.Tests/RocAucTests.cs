using Sentiment.Core;

namespace Sentiment.Core.Tests;

public class RocAucTests
{
    [Fact]
    public void PerfectRanking_IsOne_AndReversedIsZero()
    {
        Assert.Equal(1.0, RocAuc.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, RocAuc.Compute([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void MatchesTheCountOfCorrectlyOrderedPairs_TiesCountingHalf()
    {
        double[] scores = [0.3, 0.5, 0.5, 0.7, 0.2, 0.9];
        bool[] positive = [false, true, false, true, false, true];
        // Pairs (positive, negative): 3 x 3 = 9. 0.5>0.3, 0.5=0.5 (half), 0.5>0.2; 0.7 beats all three; 0.9 beats all three.
        Assert.Equal((2 + 0.5 + 3 + 3) / 9.0, RocAuc.Compute(scores, positive)!.Value, 12);
    }

    [Fact]
    public void OneClassOnly_HasNoArea() => Assert.Null(RocAuc.Compute([0.1, 0.4], [true, true]));
}
