using System.Text;
using Api.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Api.Tests.Infrastructure.Storage;

public sealed class LocalFileStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "local-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalFileStorage _storage;

    public LocalFileStorageTests() =>
        _storage = new LocalFileStorage(Options.Create(new StorageOptions { Local = new LocalStorageOptions { RootPath = _root } }));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task What_is_written_is_read_back_and_deleting_it_twice_is_fine()
    {
        await _storage.WriteAsync("projects/p1/a1", new MemoryStream("hello"u8.ToArray()), Cancellation);

        await using (var read = await _storage.OpenReadAsync("projects/p1/a1", Cancellation))
        {
            Assert.Equal("hello", await new StreamReader(read!).ReadToEndAsync(Cancellation));
        }

        await _storage.DeleteAsync("projects/p1/a1", Cancellation);
        await _storage.DeleteAsync("projects/p1/a1", Cancellation);
        Assert.Null(await _storage.OpenReadAsync("projects/p1/a1", Cancellation));
        Assert.False(File.Exists(Path.Combine(_root, "projects", "p1", "a1")));
    }

    [Fact]
    public async Task A_write_that_fails_halfway_leaves_neither_the_object_nor_a_temporary_file()
    {
        await Assert.ThrowsAsync<IOException>(() => _storage.WriteAsync("projects/p1/a2", new FailingStream(), Cancellation));

        Assert.Null(await _storage.OpenReadAsync("projects/p1/a2", Cancellation));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_rewrite_replaces_the_object_whole()
    {
        await _storage.WriteAsync("projects/p1/a3", new MemoryStream("first version"u8.ToArray()), Cancellation);
        await _storage.WriteAsync("projects/p1/a3", new MemoryStream("second"u8.ToArray()), Cancellation);

        await using var read = await _storage.OpenReadAsync("projects/p1/a3", Cancellation);
        Assert.Equal("second", await new StreamReader(read!).ReadToEndAsync(Cancellation));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("projects/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("projects//a")]
    [InlineData("projects/./a")]
    [InlineData("projects\\a")]
    [InlineData("projects/a b")]
    [InlineData("")]
    public async Task A_key_that_could_leave_the_root_is_refused_before_touching_the_disk(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(key, new MemoryStream([1]), Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync(key, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.DeleteAsync(key, Cancellation));

        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Gives some bytes, then fails as a dropped upload connection would.</summary>
    private sealed class FailingStream() : MemoryStream(Encoding.UTF8.GetBytes(new string('x', 100_000)))
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 50_000 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 40_000)], cancellationToken);
    }
}
