using System.Buffers.Binary;

namespace Api.Infrastructure.Pagination;

/// <summary>
/// Version 7 ids that only ever increase in this process, for rows listed newest first by id (messages, projects,
/// attachments).
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills the rest of a millisecond with random bits, so two rows
/// stored in the same millisecond could otherwise sort the wrong way round, and a page cursor could land between them.
/// </summary>
internal static class SequentialIds
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static Guid Next(DateTimeOffset now)
    {
        var candidate = ToNumber(Guid.CreateVersion7(now));
        lock (Gate)
        {
            // +1 changes only the random tail (a carry into the version bits needs 2^62 ids in one millisecond).
            _last = candidate > _last ? candidate : _last + 1;
            return ToGuid(_last);
        }
    }

    // Big-endian, the order PostgreSQL compares uuids in and Guid.CompareTo agrees with.
    private static UInt128 ToNumber(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static Guid ToGuid(UInt128 number)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, number);
        return new Guid(bytes, bigEndian: true);
    }
}
