using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Serves the Sandbox on a loopback port (127.0.0.1 only), so tests can cross a real socket.
    /// Bounded by its owner: it stops when disposed, and answers nothing but loopback clients.
    /// </summary>
    public sealed class SandboxLoopbackServer : IDisposable
    {
        private readonly SandboxHost _host;
        private readonly HttpListener _listener;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Task _accepting;

        public SandboxLoopbackServer(SandboxHost host, int port = 0)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _listener = new HttpListener();
            Port = port > 0 ? port : FreeLoopbackPort();
            BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
            _listener.Prefixes.Add(BaseAddress.ToString());
            _listener.Start();
            _accepting = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        /// <summary><c>http://127.0.0.1:{port}/</c>; append the platform's path (e.g. <c>developer_api/v1/</c>).</summary>
        public Uri BaseAddress { get; }

        public void Dispose()
        {
            _stopping.Cancel();
            try
            {
                _listener.Stop();
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }

            try
            {
                _accepting.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            _stopping.Dispose();
        }

        private static int FreeLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            try
            {
                return ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            finally
            {
                probe.Stop();
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(context));
            }
        }

        private async Task ServeAsync(HttpListenerContext context)
        {
            try
            {
                var request = await ReadAsync(context.Request).ConfigureAwait(false);
                var exchange = await _host.ProcessAsync(request, _stopping.Token).ConfigureAwait(false);
                if (exchange.DropConnection)
                {
                    context.Response.Abort();
                    return;
                }

                if (exchange.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stopping.Token).ConfigureAwait(false);
                }

                await WriteAsync(context.Response, exchange.Response!).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Response.Abort();
            }
            catch (HttpListenerException)
            {
                // The client went away; nothing to answer.
            }
            catch (IOException)
            {
            }
        }

        private static async Task<SandboxRequest> ReadAsync(HttpListenerRequest request)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in request.Headers.AllKeys)
            {
                if (name != null)
                {
                    headers[name] = request.Headers[name] ?? string.Empty;
                }
            }

            using (var body = new MemoryStream())
            {
                await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                return new SandboxRequest(request.HttpMethod, request.RawUrl ?? "/", headers, body.ToArray());
            }
        }

        private static async Task WriteAsync(HttpListenerResponse response, SandboxResponse answer)
        {
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.StatusCode = answer.StatusCode;
            response.ContentType = answer.ContentType;
            foreach (var header in answer.Headers)
            {
                response.Headers[header.Key] = header.Value;
            }

            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            response.Close();
        }
    }
}
