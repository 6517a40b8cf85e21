namespace Dashboard.Frontend;

public static class FrontendExtensions
{
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapFrontend(this WebApplication app) => app;
}
