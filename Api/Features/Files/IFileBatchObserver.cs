namespace Api.Features.Files;

/// <summary>
/// Told about each operation of a batch, in order, once the batch's writes have reached PostgreSQL (they are sent
/// together) and before the transaction commits. An observer that throws aborts the batch and rolls back every
/// write, which is how the tests inject a failure halfway; the Api registers none.
/// </summary>
public interface IFileBatchObserver
{
    ValueTask OperationAppliedAsync(Guid projectId, FileOperation operation, CancellationToken cancellationToken);
}
