namespace Dashboard.Otlp;

public static class OtlpReceiverExtensions
{
    public static WebApplicationBuilder AddOtlpReceivers(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapOtlpReceivers(this WebApplication app) => app;
}
