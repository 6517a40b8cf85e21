using System.Globalization;
using System.Text;
using Dashboard.Telemetry.Model;
using OpenTelemetry.Proto.Common.V1;
using Attribute = Dashboard.Telemetry.Model.Attribute;

namespace Dashboard.Telemetry;

/// <summary>Turns OTLP messages into what the store keeps: text values, capped lengths and counts, shared strings.</summary>
internal sealed class OtlpConverter(TelemetryLimits limits)
{
    private readonly StringPool _pool = new();

    public static DateTime ToDateTime(ulong unixNanos) =>
        unixNanos == 0 ? DateTime.UnixEpoch : DateTime.UnixEpoch.AddTicks((long)Math.Min(unixNanos / 100, (ulong)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks));

    public string Share(string value) => _pool.Share(value);

    public string Text(string value) => value.Length > limits.MaxAttributeLength ? value[..limits.MaxAttributeLength] : value;

    /// <summary>Converts attributes up to the limit; <paramref name="dropped"/> counts what did not fit.</summary>
    public IReadOnlyList<Attribute> Attributes(IList<KeyValue> values, ref int dropped)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var count = Math.Min(values.Count, limits.MaxAttributeCount);
        dropped += values.Count - count;
        var result = new Attribute[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new Attribute(_pool.Share(values[i].Key), _pool.Share(Text(ValueText(values[i].Value))));
        }

        return result;
    }

    public IReadOnlyList<Attribute> Attributes(IList<KeyValue> values)
    {
        var dropped = 0;
        return Attributes(values, ref dropped);
    }

    public static string ValueText(AnyValue? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
            AnyValue.ValueOneofCase.ArrayValue or AnyValue.ValueOneofCase.KvlistValue => Composite(value),
            _ => "",
        };
    }

    private static string Composite(AnyValue value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();

        static void Append(StringBuilder text, AnyValue value)
        {
            switch (value.ValueCase)
            {
                case AnyValue.ValueOneofCase.ArrayValue:
                    text.Append('[');
                    for (var i = 0; i < value.ArrayValue.Values.Count; i++)
                    {
                        text.Append(i == 0 ? "" : ", ");
                        Append(text, value.ArrayValue.Values[i]);
                    }

                    text.Append(']');
                    break;
                case AnyValue.ValueOneofCase.KvlistValue:
                    text.Append('{');
                    for (var i = 0; i < value.KvlistValue.Values.Count; i++)
                    {
                        var pair = value.KvlistValue.Values[i];
                        text.Append(i == 0 ? "" : ", ").Append(pair.Key).Append(": ");
                        Append(text, pair.Value ?? new AnyValue());
                    }

                    text.Append('}');
                    break;
                default:
                    text.Append(ValueText(value));
                    break;
            }
        }
    }
}
