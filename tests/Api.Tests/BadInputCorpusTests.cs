using System.Net.Http.Headers;
using System.Text;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests;

/// <summary>
/// Malformed and hostile bodies, parameters and headers sent to every endpoint that takes input: each answer is a 4xx
/// ProblemDetails, never a 5xx and never an empty or HTML body.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusTests.SignedInApi api) : IClassFixture<BadInputCorpusTests.SignedInApi>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("POST", "/api/accounts/register"),
        ("POST", "/api/accounts/login"),
        ("POST", "/api/projects"),
        ("PATCH", "/api/projects/{project}"),
    ];

    /// <summary>Bodies as raw bytes, so invalid UTF-8 and NUL bytes reach the server as sent.</summary>
    private static readonly Dictionary<string, byte[]> Bodies = new()
    {
        ["empty"] = [],
        ["not json"] = "name=x&password=y"u8.ToArray(),
        ["truncated json"] = "{\"name\":\"abc"u8.ToArray(),
        ["json array"] = "[1,2,3]"u8.ToArray(),
        ["json null"] = "null"u8.ToArray(),
        ["invalid utf-8"] = [.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"email\":\"a@b.c\"}"u8],
        ["nul byte in strings"] = "{\"name\":\"a\\u0000b\",\"email\":\"a\\u0000@example.com\",\"password\":\"Pass\\u0000word-1234\"}"u8.ToArray(),
        ["wrong types"] = "{\"name\":42,\"email\":true,\"password\":{\"x\":1}}"u8.ToArray(),
        ["huge number"] = "{\"name\":1e999999,\"email\":123456789012345678901234567890}"u8.ToArray(),
        ["deep nesting"] = Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
        ["huge string"] = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 2_000_000) + "\",\"email\":\"x@example.com\",\"password\":\"" + new string('y', 100_000) + "\"}"),
        ["missing fields"] = "{}"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_bad_body_is_a_4xx_problem(string method, string path, string corpus)
    {
        var body = Bodies[corpus];
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{project}", api.Project.ToString())) { Content = Json(body) };

        using var response = await api.Client.SendAsync(request, Cancellation);

        await AssertProblemAsync(response, $"{method} {path} with {corpus}");
    }

    public static TheoryData<string, string, string> Matrix()
    {
        var matrix = new TheoryData<string, string, string>();
        foreach (var (method, path) in Endpoints)
        {
            foreach (var corpus in Bodies.Keys)
            {
                matrix.Add(method, path, corpus);
            }
        }

        return matrix;
    }

    [Theory]
    [InlineData("/api/projects/not-a-guid")]
    [InlineData("/api/projects?limit=-1")]
    [InlineData("/api/projects?limit=99999999999999999999")]
    [InlineData("/api/projects?limit=abc")]
    [InlineData("/api/projects?cursor=%00%01")]
    [InlineData("/api/projects?cursor=AAAAAAAAAAAAAAAAAAAAAA%2F%2F")]
    public async Task Bad_route_and_query_values_are_4xx_problems(string path)
    {
        using var response = await api.Client.GetAsync(path, Cancellation);

        await AssertProblemAsync(response, path);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_a_4xx_problem()
    {
        using var content = new ByteArrayContent("{\"name\":\"x\"}"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await api.Client.PostAsync("/api/projects", content, Cancellation);

        await AssertProblemAsync(response, "text/plain body");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(status is >= 400 and < 500, $"{what}: {status} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {status} {response.Content.Headers.ContentType} {body}");
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>One Api and one signed-in user with a project, shared by the whole corpus.</summary>
    public sealed class SignedInApi(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
    {
        private ApiFactory _api = null!;
        private SignedInUser _user = null!;

        public HttpClient Client => _user.Client;

        public Guid Project { get; private set; }

        public async ValueTask InitializeAsync()
        {
            _api = await ApiFactory.StartAsync(postgres, redis);
            _user = await _api.SignUpAsync();
            using var created = await _user.Client.PostAsync("/api/projects", Json("{\"name\":\"corpus\"}"u8.ToArray()), Cancellation);
            var body = await created.Content.ReadAsStringAsync(Cancellation);
            Project = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }

        public async ValueTask DisposeAsync()
        {
            _user.Dispose();
            await _api.DisposeAsync();
        }
    }
}
