namespace Sentiment.Api.Configuration;

/// <summary>The one way a settings section is bound: validated, and checked before the server starts.</summary>
public static class OptionsRegistration
{
    public static void AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
