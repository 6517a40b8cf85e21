using System.Security.Cryptography;
using System.Text;
using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Api.Features.Files;

/// <summary>
/// One statement per operation, each conditional on the state the batch expects (no such path yet, or the expected
/// version) and checked by its own row count, sent to PostgreSQL together in one round trip inside the caller's
/// transaction: a batch of ten costs one write round trip, not ten.
/// </summary>
internal sealed class FileWrites(AppDbContext db, Guid projectId, DateTimeOffset now)
{
    private const string Insert = """
        INSERT INTO project_files (id, project_id, path, content, version, size, sha256, created_at, updated_at)
        VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $7) ON CONFLICT (project_id, path) DO NOTHING
        """;

    private const string Update = """
        UPDATE project_files SET content = $1, version = version + 1, size = $2, sha256 = $3, updated_at = $4
        WHERE project_id = $5 AND path = $6 AND version = $7
        """;

    private const string Delete = "DELETE FROM project_files WHERE project_id = $1 AND path = $2 AND version = $3";

    public async Task<List<FileChangeResponse>> ApplyAsync(IReadOnlyList<FileOperation> operations, CancellationToken cancellationToken)
    {
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        var changes = operations.Select(o => Add(batch, o)).ToList();
        await batch.ExecuteNonQueryAsync(cancellationToken);

        for (var i = 0; i < operations.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                var operation = operations[i];
                var reason = operation.Kind == FileOperationKind.Create ? "already exists" : "is no longer at the expected version";
                throw new FileConflictException(new FileConflict(operation.Index, operation.Path, $"'{operation.Path}' {reason}.", null));
            }
        }

        return changes;
    }

    private FileChangeResponse Add(NpgsqlBatch batch, FileOperation operation)
    {
        if (operation.Kind == FileOperationKind.Delete)
        {
            batch.BatchCommands.Add(Command(Delete, projectId, operation.Path, operation.ExpectedVersion!.Value));
            return new FileChangeResponse(operation.Path, operation.Op, null, null, null);
        }

        var sha256 = SHA256.HashData(Encoding.UTF8.GetBytes(operation.Content!));
        batch.BatchCommands.Add(operation.Kind == FileOperationKind.Create
            ? Command(Insert, Guid.CreateVersion7(now), projectId, operation.Path, operation.Content!, operation.Size, sha256, now)
            : Command(Update, operation.Content!, operation.Size, sha256, now, projectId, operation.Path, operation.ExpectedVersion!.Value));
        var version = operation.Kind == FileOperationKind.Create ? 1 : operation.ExpectedVersion + 1;
        return new FileChangeResponse(operation.Path, operation.Op, version, operation.Size, Convert.ToHexStringLower(sha256));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
