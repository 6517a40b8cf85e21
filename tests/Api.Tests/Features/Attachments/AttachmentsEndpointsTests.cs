using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Api.Tests.Support;
using Npgsql;
using TestSupport;

namespace Api.Tests.Features.Attachments;

public sealed class AttachmentsEndpointsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "attachments-tests", Guid.NewGuid().ToString("N"));
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Storage:Local:RootPath"] = _root,
            ["Attachments:MaxBytes"] = "100000",
        });

    [Fact]
    public async Task A_raw_upload_is_stored_on_disk_and_downloads_byte_for_byte_with_its_name_and_type()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Docs");
        var bytes = RandomNumberGenerator.GetBytes(50_000);

        var created = await AttachmentCalls.UploadRawAsync(user, project, "report final.pdf", bytes, "application/pdf");
        using var download = await user.Client.GetAsync($"/api/projects/{project}/attachments/{created.GetProperty("id").GetGuid()}", Cancellation);

        Assert.Equal(50_000, created.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("report final.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task A_multipart_upload_takes_its_name_and_type_from_the_file_part()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Docs");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("a,b\n1,2\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "table.csv");

        using var response = await user.Client.PostAsync($"/api/projects/{project}/attachments", form, Cancellation);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("table.csv", created.GetProperty("name").GetString());
        Assert.Equal("text/csv", created.GetProperty("contentType").GetString());
        Assert.Equal(8, created.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task An_upload_over_the_cap_is_413_and_leaves_no_row_and_no_file()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Big");

        using var declared = await AttachmentCalls.PostRawAsync(user, project, "big.bin", new byte[100_001]);
        using var chunked = await AttachmentCalls.PostRawAsync(user, project, "big.bin", new byte[300_000], chunked: true);
        var list = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/attachments", Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("application/problem+json", chunked.Content.Headers.ContentType?.MediaType);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("../etc/passwd", "name")]
    [InlineData("a\u0001b", "name")]
    public async Task A_bad_name_is_a_validation_problem_naming_the_field(string name, string field)
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "p");

        using var response = await AttachmentCalls.PostRawAsync(user, project, name, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task The_list_pages_newest_first_and_a_delete_removes_row_and_file()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Many");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await AttachmentCalls.UploadRawAsync(user, project, $"f{i}.txt", [(byte)i])).GetProperty("id").GetGuid());
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/attachments?limit=2&cursor={cursor}", Cancellation);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}/attachments/{ids[0]}", Cancellation);
        using var gone = await user.Client.GetAsync($"/api/projects/{project}/attachments/{ids[0]}", Cancellation);

        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(4, StoredFiles().Count);
    }

    [Fact]
    public async Task Another_users_project_attachments_cannot_be_uploaded_listed_read_or_deleted()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var project = await ProjectCalls.CreateAsync(owner, "Private");
        var id = (await AttachmentCalls.UploadRawAsync(owner, project, "secret.txt", [42])).GetProperty("id").GetGuid();

        using var upload = await AttachmentCalls.PostRawAsync(other, project, "mine.txt", [1]);
        using var list = await other.Client.GetAsync($"/api/projects/{project}/attachments", Cancellation);
        using var read = await other.Client.GetAsync($"/api/projects/{project}/attachments/{id}", Cancellation);
        using var delete = await other.Client.DeleteAsync($"/api/projects/{project}/attachments/{id}", Cancellation);
        var otherProject = await ProjectCalls.CreateAsync(other, "Theirs");
        using var crossed = await other.Client.GetAsync($"/api/projects/{otherProject}/attachments/{id}", Cancellation);

        Assert.All(new[] { upload, list, read, delete, crossed }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Deleting_a_project_removes_its_stored_files()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Temporary");
        await AttachmentCalls.UploadRawAsync(user, project, "a.txt", [1]);
        await AttachmentCalls.UploadRawAsync(user, project, "b.txt", [2]);

        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task When_the_row_cannot_be_written_the_stored_file_is_removed_again()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Faulty");
        await using (var connection = new NpgsqlConnection(_api.DatabaseConnectionString))
        {
            // A real failure halfway: the database refuses the row after the file was written.
            await connection.OpenAsync(Cancellation);
            await using var command = new NpgsqlCommand("""
                CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$;
                CREATE TRIGGER refuse_attachment BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION refuse_attachment();
                """, connection);
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        try
        {
            using var response = await AttachmentCalls.PostRawAsync(user, project, "lost.txt", [1, 2, 3]);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(StoredFiles());
        }
        finally
        {
            await using var connection = new NpgsqlConnection(_api.DatabaseConnectionString);
            await connection.OpenAsync(Cancellation);
            await using var drop = new NpgsqlCommand("DROP TRIGGER refuse_attachment ON attachments", connection);
            await drop.ExecuteNonQueryAsync(Cancellation);
        }
    }

    private List<string> StoredFiles() =>
        Directory.Exists(_root) ? [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)] : [];

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
