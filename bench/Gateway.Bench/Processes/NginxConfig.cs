namespace Gateway.Bench.Processes;

/// <summary>
/// nginx as a plain reverse proxy, tuned the way one would put it in front of an HTTP/1.1 service: keep-alive
/// connections to the upstream, no access log. Everything it writes stays in <paramref name="directory"/>.
/// </summary>
internal static class NginxConfig
{
    public static string Write(string directory, int listenPort, Uri upstream)
    {
        // nginx only switches user when started as root, and then refuses to as "nobody" in a directory only root reads.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var config = $$"""
            {{user}}
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events {
                worker_connections 4096;
            }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream stub {
                    server {{upstream.Host}}:{{upstream.Port}};
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{listenPort}};
                    location / {
                        proxy_pass http://stub;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                    }
                }
            }
            """;
        var path = Path.Combine(directory, "nginx.conf");
        File.WriteAllText(path, config);
        return path;
    }
}
