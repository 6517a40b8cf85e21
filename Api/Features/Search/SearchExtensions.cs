namespace Api.Features.Search;

public static class SearchExtensions
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FullTextSearch>();
        return builder;
    }
}
