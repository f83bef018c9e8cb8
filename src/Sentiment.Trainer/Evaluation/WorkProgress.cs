using System.Diagnostics;
using Spectre.Console;

namespace Sentiment.Trainer.Evaluation;

/// <summary>Progress of a long job that reports the share done (0..1): a live bar, or a plain line now and then.</summary>
internal static class WorkProgress
{
    public static T Live<T>(string title, Func<Action<double>, T> work) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                T result = work(done => task.Value = done);
                task.Value = 1;
                return result;
            });

    public static T Plain<T>(TrainerConsole console, string title, Func<Action<double>, T> work)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return work(done =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(10))
                return;
            last = clock.Elapsed;
            console.Info($"{title}: {done * 100:F0}% after {clock.Elapsed.TotalSeconds:F0} s");
        });
    }
}
