using static TorchSharp.torch;

namespace Sentiment.Trainer.Model;

/// <summary>
/// Keras' SpatialDropout1D: in training, drops whole embedding channels of a text (the same
/// channels at every position) rather than single values, and scales the rest by 1/(1-p).
/// </summary>
internal sealed class ChannelDropout(double probability) : nn.Module<Tensor, Tensor>(nameof(ChannelDropout))
{
    /// <param name="input">[batch, width, channels].</param>
    public override Tensor forward(Tensor input)
    {
        if (!training || probability <= 0)
            return input.alias();
        using var scope = NewDisposeScope();
        var keep = empty(input.shape[0], 1, input.shape[2]).bernoulli_(1 - probability).div_(1 - probability);
        return input.mul(keep).MoveToOuterDisposeScope();
    }
}
