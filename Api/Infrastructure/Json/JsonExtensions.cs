using System.Text.Json.Serialization;

namespace Api.Infrastructure.Json;

public static class JsonExtensions
{
    /// <summary>camelCase (the default) and enums by name, e.g. <c>"tier":"Pro"</c>, in requests and responses.</summary>
    public static IHostApplicationBuilder AddApiJson(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
