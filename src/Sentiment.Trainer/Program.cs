using Sentiment.Trainer;
using Sentiment.Trainer.Cli;

return TrainerCommandLine.Create(TrainerConsole.Create()).Parse(args).Invoke();
