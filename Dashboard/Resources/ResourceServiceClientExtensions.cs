namespace Dashboard.Resources;

public static class ResourceServiceClientExtensions
{
    public static WebApplicationBuilder AddResourceServiceClient(this WebApplicationBuilder builder) => builder;
}
