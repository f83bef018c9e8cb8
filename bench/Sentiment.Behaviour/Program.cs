using Sentiment.Behaviour;

return BehaviourCommand.Create(Console.Out, Console.Error).Parse(args).Invoke();
