namespace Api.Features.Files;

/// <summary>
/// Told after each operation of a batch has been written, inside the batch's still-open transaction. An observer
/// that throws aborts the batch and rolls back everything before it, which is how the tests inject a failure
/// halfway; the Api registers none.
/// </summary>
public interface IFileBatchObserver
{
    ValueTask OperationAppliedAsync(Guid projectId, FileOperation operation, CancellationToken cancellationToken);
}
