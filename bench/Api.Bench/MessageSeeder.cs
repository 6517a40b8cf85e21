using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Api.Bench;

/// <summary>
/// Fills the messages table straight through PostgreSQL's binary COPY: the big project gets <c>count</c> messages and
/// the others one in six rows between them, so the big project's index range is interleaved with other projects'
/// as in a shared database. One row a millisecond, so v7 ids order as the Api's own do; user and assistant turns
/// alternate, with texts of 60 to 900 characters.
/// </summary>
internal static class MessageSeeder
{
    public sealed record Seeded(Guid[] BigProjectIds, long Rows, TimeSpan Took);

    public static async Task<Seeded> SeedAsync(
        string connectionString, Guid bigProject, IReadOnlyList<Guid> others, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var texts = Texts.Make(new Random(42));
        var bigIds = new Guid[count];
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        long rows = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY messages (id, project_id, role, content, created_at, model, input_tokens, output_tokens, stop_reason) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var big = 0; big < count; rows++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var at = start.AddMilliseconds(rows);
                var id = Guid.CreateVersion7(at);
                var toOther = others.Count > 0 && rows % 6 == 5;
                if (!toOther)
                {
                    bigIds[big++] = id;
                }

                WriteRow(writer, id, toOther ? others[(int)(rows / 6 % others.Count)] : bigProject, at, rows, texts);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE messages", connection))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        return new Seeded(bigIds, rows, clock.Elapsed);
    }

    // Synchronous writes: the importer buffers, and a million awaited fields would cost more than the COPY.
    private static void WriteRow(NpgsqlBinaryImporter writer, Guid id, Guid project, DateTimeOffset at, long row, Texts texts)
    {
        var assistant = row % 2 == 1;
        writer.StartRow();
        writer.Write(id, NpgsqlDbType.Uuid);
        writer.Write(project, NpgsqlDbType.Uuid);
        writer.Write(assistant ? "assistant" : "user", NpgsqlDbType.Varchar);
        writer.Write(texts.Pick(assistant, row), NpgsqlDbType.Text);
        writer.Write(at, NpgsqlDbType.TimestampTz);
        if (assistant)
        {
            writer.Write("claude-sonnet-4-5", NpgsqlDbType.Varchar);
            writer.Write(1200 + (int)(row % 500), NpgsqlDbType.Integer);
            writer.Write(80 + (int)(row % 300), NpgsqlDbType.Integer);
            writer.Write("end_turn", NpgsqlDbType.Varchar);
        }
        else
        {
            writer.WriteNull();
            writer.WriteNull();
            writer.WriteNull();
            writer.WriteNull();
        }
    }

    private sealed class Texts(string[] user, string[] assistant)
    {
        private static readonly string[] Words = "the page loads a list of items from the api and renders each one with its title date and a button to open it in a new view while the header stays fixed".Split(' ');

        public static Texts Make(Random random) => new(Many(random, 60, 240), Many(random, 200, 900));

        public string Pick(bool isAssistant, long row) => isAssistant ? assistant[row % assistant.Length] : user[row % user.Length];

        private static string[] Many(Random random, int min, int max) =>
            [.. Enumerable.Range(0, 97).Select(_ => Sentence(random, random.Next(min, max)))];

        private static string Sentence(Random random, int length)
        {
            var text = new System.Text.StringBuilder(length + 16);
            while (text.Length < length)
            {
                text.Append(Words[random.Next(Words.Length)]).Append(' ');
            }

            return text.ToString(0, length);
        }
    }
}
