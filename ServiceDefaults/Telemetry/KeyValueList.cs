namespace ServiceDefaults.Telemetry;

/// <summary>
/// Parses the <c>key1=value1,key2=value2</c> form that <c>OTEL_EXPORTER_OTLP_HEADERS</c> and
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> share; values may be percent-encoded (W3C Baggage octets).
/// </summary>
internal static class KeyValueList
{
    public static bool TryParse(string? text, out List<KeyValuePair<string, string>> pairs)
    {
        pairs = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var key = item[..separator].Trim();
            var value = Uri.UnescapeDataString(item[(separator + 1)..].Trim());
            if (key.Length == 0)
            {
                return false;
            }

            pairs.Add(new(key, value));
        }

        return true;
    }
}
