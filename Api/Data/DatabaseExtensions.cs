using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

        // Pooled: the options are built once and a request rents a reset context instead of building
        // one (and its options) per request. There is no model snapshot (it is what `dotnet ef` writes,
        // and its tools do not restore here), so EF Core cannot tell whether the migrations match the
        // model; MigrationsTests can.
        builder.Services.AddDbContextPool<AppDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.AppDb)
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)));

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", timeout: TimeSpan.FromSeconds(5));

        return builder;
    }
}
