using System.Net;
using System.Net.Http.Headers;
using Api.Tests.Support;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

/// <summary>
/// Bad input never reaches the table and never makes a 5xx. Each bad operation follows a good create, so a
/// batch that half-applied would leave ok.txt behind.
/// </summary>
public sealed class FileBadInputTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private const string Good = """{"op":"create","path":"ok.txt","content":"fine"}""";

    private ApiFactory _api = null!;
    private SignedInUser _user = null!;
    private Guid _project;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.StartAsync(postgres, redis);
        _user = await _api.SignUpAsync();
        _project = await _user.Client.CreateProjectAsync();
    }

    [Theory]
    [InlineData("""{"op":"create","path":"../secrets.txt","content":"x"}""", "path", "'..'")]
    [InlineData("""{"op":"create","path":"src/../../etc/passwd","content":"x"}""", "path", "'..'")]
    [InlineData("""{"op":"create","path":"./a.txt","content":"x"}""", "path", "'.'")]
    [InlineData("""{"op":"create","path":"/etc/passwd","content":"x"}""", "path", "absolute")]
    [InlineData("""{"op":"create","path":"src\\app.ts","content":"x"}""", "path", "backslash")]
    [InlineData("""{"op":"create","path":"C:\\x.txt","content":"x"}""", "path", "backslash")]
    [InlineData("""{"op":"create","path":"a\u0000b.txt","content":"x"}""", "path", "U+0000")]
    [InlineData("""{"op":"create","path":"a\u0007b.txt","content":"x"}""", "path", "U+0007")]
    [InlineData("""{"op":"create","path":"a\nb.txt","content":"x"}""", "path", "U+000A")]
    [InlineData("""{"op":"create","path":"a\u007fb.txt","content":"x"}""", "path", "U+007F")]
    [InlineData("""{"op":"create","path":"a\u0085b.txt","content":"x"}""", "path", "U+0085")]
    [InlineData("""{"op":"create","path":"src//a.txt","content":"x"}""", "path", "empty segment")]
    [InlineData("""{"op":"create","path":"src/","content":"x"}""", "path", "empty segment")]
    [InlineData("""{"op":"create","path":"my file.txt","content":"x"}""", "path", "' '")]
    [InlineData("""{"op":"create","path":"a:b.txt","content":"x"}""", "path", "':'")]
    [InlineData("""{"op":"create","path":"café.txt","content":"x"}""", "path", "'é'")]
    [InlineData("""{"op":"create","path":"%2e%2e/x","content":"x"}""", "path", "'%'")]
    [InlineData("""{"op":"create","path":"","content":"x"}""", "path", "required")]
    [InlineData("""{"op":"create","content":"x"}""", "path", "required")]
    [InlineData("""{"op":"create","path":"ok.txt","content":"again"}""", "path", "operations[0]")]
    [InlineData("""{"op":"rename","path":"b.txt","content":"x"}""", "op", "'rename'")]
    [InlineData("""{"path":"b.txt","content":"x"}""", "op", "create, update, delete")]
    [InlineData("""{"op":"create","path":"b.txt"}""", "content", "'b.txt'")]
    [InlineData("""{"op":"update","path":"b.txt","content":null,"expectedVersion":1}""", "content", "'b.txt'")]
    [InlineData("""{"op":"create","path":"b.txt","content":"nul \u0000 inside"}""", "content", "NUL")]
    [InlineData("""{"op":"create","path":"b.txt","content":"lone \ud800 surrogate"}""", "content", "malformed")]
    [InlineData("""{"op":"delete","path":"b.txt","content":"x","expectedVersion":1}""", "content", "delete")]
    [InlineData("""{"op":"update","path":"b.txt","content":"x"}""", "expectedVersion", "required")]
    [InlineData("""{"op":"delete","path":"b.txt"}""", "expectedVersion", "required")]
    [InlineData("""{"op":"update","path":"b.txt","content":"x","expectedVersion":0}""", "expectedVersion", "at least 1")]
    [InlineData("""{"op":"update","path":"b.txt","content":"x","expectedVersion":-9223372036854775808}""", "expectedVersion", "at least 1")]
    [InlineData("""{"op":"create","path":"b.txt","content":"x","expectedVersion":1}""", "expectedVersion", "must not exist")]
    public async Task A_bad_operation_is_a_400_keyed_by_the_operation_and_saying_why(string operation, string field, string reason)
    {
        using var response = await _user.Client.BatchJsonAsync(_project, $$"""{"operations":[{{Good}},{{operation}}]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty($"operations[1].{field}").EnumerateArray()).GetString();
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, _project));
    }

    [Fact]
    public async Task A_path_longer_than_256_characters_is_refused_and_a_256_character_one_is_not()
    {
        var longest = string.Join('/', Enumerable.Repeat(new string('a', 63), 4)) + "x";
        using var tooLong = await _user.Client.BatchAsync(_project, Create(longest + "d", "x"));

        var problem = await ProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains("at most 256", problem.GetProperty("errors").GetProperty("operations[0].path")[0].GetString(), StringComparison.Ordinal);
        await _user.Client.AppliedAsync(_project, Create(longest, "x"));
    }

    [Fact]
    public async Task Every_bad_operation_of_a_batch_is_named_not_just_the_first()
    {
        using var response = await _user.Client.BatchAsync(_project, Create("../a", "x"), Create("ok.txt", "x"), Create("/b", "x"), Delete("c", 0));

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["operations[0].path", "operations[2].path", "operations[3].expectedVersion"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("'../a'", errors.GetProperty("operations[0].path")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'/b'", errors.GetProperty("operations[2].path")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "operations")]
    [InlineData("""{"operations":null}""", "operations")]
    [InlineData("""{"operations":[]}""", "operations")]
    [InlineData("""{"operations":[null]}""", "operations[0]")]
    public async Task A_batch_without_operations_is_a_400_keyed_by_operations(string body, string key)
    {
        using var response = await _user.Client.BatchJsonAsync(_project, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"operations":[""")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"operations":{}}""")]
    [InlineData("""{"operations":"create"}""")]
    [InlineData("""{"operations":[1]}""")]
    [InlineData("""{"operations":[{"op":1,"path":"a","content":"x"}]}""")]
    [InlineData("""{"operations":[{"op":"create","path":5,"content":"x"}]}""")]
    [InlineData("""{"operations":[{"op":"create","path":"a","content":{"text":"x"}}]}""")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":"one"}]}""")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":1.5}]}""")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":99999999999999999999999999}]}""")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":1e400}]}""")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":9223372036854775808}]}""")]
    [InlineData("""{"operations":[{"op":"create","path":"a","content":"x"}]} trailing""")]
    public async Task A_body_that_is_not_a_batch_is_a_400_problem(string body)
    {
        using var response = await _user.Client.BatchJsonAsync(_project, body);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, _project));
    }

    [Theory]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":"one"}]}""", "operations[0].expectedVersion")]
    [InlineData("""{"operations":[{"op":"update","path":"a","content":"x","expectedVersion":99999999999999999999999999}]}""", "operations[0].expectedVersion")]
    [InlineData("""{"operations":[{"op":"create","path":"a","content":"x"},{"op":"create","path":5,"content":"x"}]}""", "operations[1].path")]
    [InlineData("""{"operations":"create"}""", "operations")]
    public async Task A_field_of_the_wrong_json_type_is_a_400_keyed_by_that_field(string body, string key)
    {
        using var response = await _user.Client.BatchJsonAsync(_project, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), problem.ToString());
    }

    [Fact]
    public async Task The_largest_version_a_long_holds_is_a_409_not_an_overflow()
    {
        var project = await _user.Client.CreateProjectAsync("versions");
        await _user.Client.AppliedAsync(project, Create("a.txt", "a"), Create("b.txt", "b"));

        using var response = await _user.Client.BatchAsync(project, Update("a.txt", "b", long.MaxValue), Delete("b.txt", long.MaxValue - 1));

        Assert.Equal(2, (await ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_problem()
    {
        var bytes = "{\"operations\":[{\"op\":\"create\",\"path\":\"a.txt\",\"content\":\"\u00ff\u00fe"u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).Concat("\"}]}"u8.ToArray()).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _user.Client.PostAsync($"/api/projects/{_project}/files/batch", content, Cancellation);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, _project));
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_a_415_problem()
    {
        using var content = new StringContent("""{"operations":[]}""", System.Text.Encoding.UTF8, "text/plain");

        using var response = await _user.Client.PostAsync($"/api/projects/{_project}/files/batch", content, Cancellation);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("a%5Cb.txt")]
    [InlineData("a%07b.txt")]
    [InlineData("src//a.txt")]
    public async Task Reading_a_bad_path_is_a_400_keyed_by_path(string path)
    {
        using var response = await _user.Client.GetAsync($"/api/projects/{_project}/files/{path}", Cancellation);

        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("path", out _));
    }

    public async ValueTask DisposeAsync()
    {
        _user.Dispose();
        await _api.DisposeAsync();
    }
}
