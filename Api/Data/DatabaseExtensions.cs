using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Data;

public static class DatabaseExtensions
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.AppDb) || DatabaseOptions.IsValidConnectionString(o.AppDb), DatabaseOptions.InvalidMessage)
            .ValidateOnStart();

        builder.Services.AddDbContext<AppDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.AppDb));

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", timeout: TimeSpan.FromSeconds(5));

        return builder;
    }
}
