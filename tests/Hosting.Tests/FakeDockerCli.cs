namespace Hosting.Tests;

/// <summary>
/// No container engine runs here, so the container mode is tested against a stand-in for the docker CLI: it logs
/// every call, answers <c>version</c>, and "runs" the Redis image as a local redis-server on the published port
/// with the password from the env file — the orchestrator's side of the contract is what is under test.
/// </summary>
internal sealed class FakeDockerCli : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        here="$(cd "$(dirname "$0")" && pwd)"
        echo "$*" >> "$here/calls.log"
        case "$1" in
          version) echo "27.0.0-fake" ;;
          pull) ;;
          rm|stop)
            name="${@: -1}"
            if [ -f "$here/$name.pid" ]; then
              pid="$(cat "$here/$name.pid")"; rm -f "$here/$name.pid"
              kill -TERM "$pid" 2>/dev/null || exit 0
              while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
            fi ;;
          run)
            shift
            while [ $# -gt 0 ]; do
              case "$1" in
                --name) name="$2"; shift 2 ;;
                --publish) port="$(echo "$2" | cut -d: -f2)"; shift 2 ;;
                --env-file) set -a; . "$2"; set +a; shift 2 ;;
                --rm) shift ;;
                --label|--volume) shift 2 ;;
                *) image="$1"; break ;;
              esac
            done
            case "$image" in
              *redis*) echo $$ > "$here/$name.pid"
                       exec redis-server --port "$port" --bind 127.0.0.1 --requirepass "$REDIS_PASSWORD" --save '' --appendonly no ;;
              *) echo "fake docker: no image $image" >&2; exit 125 ;;
            esac ;;
          *) echo "fake docker: unknown command $1" >&2; exit 1 ;;
        esac
        """;

    public FakeDockerCli()
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Command, Script.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(Command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "fake-docker", Guid.NewGuid().ToString("N")[..12]);

    public string Command => Path.Combine(Directory, "docker");

    public IReadOnlyList<string> Calls =>
        File.Exists(Path.Combine(Directory, "calls.log")) ? File.ReadAllLines(Path.Combine(Directory, "calls.log")) : [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
