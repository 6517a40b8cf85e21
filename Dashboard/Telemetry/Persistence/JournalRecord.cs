using System.Buffers.Binary;

namespace Dashboard.Telemetry.Persistence;

/// <summary>
/// One journal record: a kind byte (the signal, or a signal's "cleared" mark), a little-endian length, the OTLP
/// export request as protobuf. A record cut short by a crash ends the segment's replay.
/// </summary>
internal readonly record struct JournalRecord(byte Kind, byte[] Payload)
{
    public const byte ClearedFlag = 0x80;

    public static JournalRecord Export(TelemetrySignal signal, byte[] payload) => new((byte)signal, payload);

    public static JournalRecord Cleared(TelemetrySignal signal) => new((byte)(ClearedFlag | (byte)signal), []);

    public TelemetrySignal Signal => (TelemetrySignal)(Kind & ~ClearedFlag);

    public bool IsCleared => (Kind & ClearedFlag) != 0;

    public int Size => 5 + Payload.Length;

    public void WriteTo(Stream stream)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = Kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], Payload.Length);
        stream.Write(header);
        stream.Write(Payload);
    }

    public static IEnumerable<JournalRecord> ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[5];
        while (stream.ReadAtLeast(header, 5, throwOnEndOfStream: false) == 5)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(1));
            if (length < 0 || length > stream.Length - stream.Position || !Enum.IsDefined((TelemetrySignal)(header[0] & ~ClearedFlag)))
            {
                yield break; // torn or foreign tail
            }

            var payload = new byte[length];
            stream.ReadExactly(payload);
            yield return new JournalRecord(header[0], payload);
        }
    }
}
