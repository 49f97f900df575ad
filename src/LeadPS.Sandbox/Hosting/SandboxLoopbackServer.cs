using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Serves the Sandbox on a loopback port (127.0.0.1 only), so tests can cross a real socket.
    /// Bounded by its owner: it stops when disposed, and answers nothing but loopback clients.
    /// </summary>
    /// <remarks>
    /// A small HTTP/1.1 server on a plain <see cref="TcpListener"/> rather than HttpListener, so that
    /// the emulators see header values exactly as sent, and so that a dropped connection is really
    /// dropped: the managed HttpListener's Abort() sends a 200 first (dotnet/runtime#88196).
    /// </remarks>
    public sealed class SandboxLoopbackServer : IDisposable
    {
        /// <summary>How long Dispose waits for the connections to end.</summary>
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

        /// <summary>How long a closing connection waits for the client to close its side.</summary>
        private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(2);

        private readonly SandboxHost _host;
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly Dictionary<Socket, Task> _connections = new Dictionary<Socket, Task>();
        private readonly Task _accepting;
        private int _disposed;

        public SandboxLoopbackServer(SandboxHost host, int port = 0)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _listener = new TcpListener(IPAddress.Loopback, Math.Max(port, 0));
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
            _accepting = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        /// <summary><c>http://127.0.0.1:{port}/</c>; append the platform's path (e.g. <c>developer_api/v1/</c>).</summary>
        public Uri BaseAddress { get; }

        /// <summary>
        /// Stops accepting, resets every open connection (a hanging request gets no answer, not
        /// even a partial one), and waits a few seconds at most for the connections to end.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            // Outside the lock: cancelling may run a connection's ending inline, and that takes the lock.
            _stopping.Cancel();
            _listener.Stop();
            KeyValuePair<Socket, Task>[] open;
            lock (_gate)
            {
                open = _connections.ToArray();
            }

            foreach (var connection in open)
            {
                Abort(connection.Key);
            }

            try
            {
                if (Task.WaitAll(open.Select(c => c.Value).Concat(new[] { _accepting }).ToArray(), StopWait))
                {
                    _stopping.Dispose();
                }
            }
            catch (AggregateException)
            {
                // The tasks catch everything; nothing to report if one ended otherwise.
            }
        }

        /// <summary>Closes a socket with a reset and without sending anything still unsent.</summary>
        private static void Abort(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // Already closed.
            }

            socket.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    // One connection failed before it was accepted; the others still need serving.
                    await Task.Delay(10).ConfigureAwait(false);
                    continue;
                }
                catch (Exception)
                {
                    // The listener itself is gone: nothing more to accept.
                    return;
                }

                lock (_gate)
                {
                    // Dispose takes its snapshot under this lock, so a connection is either in it or refused here.
                    if (_stopping.IsCancellationRequested)
                    {
                        Abort(socket);
                        return;
                    }

                    _connections.Add(socket, Task.Run(() => ServeAsync(socket)));
                }
            }
        }

        /// <summary>Serves one connection, request after request, until either side closes it.</summary>
        private async Task ServeAsync(Socket socket)
        {
            var stopping = _stopping.Token;
            var abort = true;
            try
            {
                socket.NoDelay = true;
                using (var stream = new NetworkStream(socket, ownsSocket: false))
                {
                    var reader = new Http1RequestReader(stream);
                    while (true)
                    {
                        Http1Request? request;
                        try
                        {
                            request = await reader.ReadAsync(stopping).ConfigureAwait(false);
                        }
                        catch (Http1ProtocolException refused)
                        {
                            var refusal = Http1ResponseWriter.Format(Http1ResponseWriter.Refusal(refused.StatusCode, refused.Message), false, true);
                            await stream.WriteAsync(refusal, 0, refusal.Length, stopping).ConfigureAwait(false);
                            await CloseAsync(socket, stream).ConfigureAwait(false);
                            abort = false;
                            return;
                        }

                        if (request == null)
                        {
                            abort = false;
                            return;
                        }

                        var (answer, keepAlive) = await AnswerAsync(request, stopping).ConfigureAwait(false);
                        if (answer == null)
                        {
                            // Dropped: the reset in finally, with not one byte of an answer.
                            return;
                        }

                        await stream.WriteAsync(answer, 0, answer.Length, stopping).ConfigureAwait(false);
                        if (!keepAlive)
                        {
                            await CloseAsync(socket, stream).ConfigureAwait(false);
                            abort = false;
                            return;
                        }
                    }
                }
            }
            catch (Exception)
            {
                // The server is stopping (a hanging request ends here), the client went away, or the
                // connection broke: it ends with a reset below; the other connections go on.
            }
            finally
            {
                if (abort)
                {
                    Abort(socket);
                }
                else
                {
                    socket.Dispose();
                }

                lock (_gate)
                {
                    _connections.Remove(socket);
                }
            }
        }

        /// <summary>
        /// The bytes to send for one request and whether the connection stays open; no bytes when
        /// the exchange drops the connection. A Timeout fault waits here until the server stops.
        /// </summary>
        private async Task<(byte[]? Answer, bool KeepAlive)> AnswerAsync(Http1Request request, CancellationToken stopping)
        {
            SandboxExchange exchange;
            try
            {
                exchange = await _host.ProcessAsync(request.ToSandboxRequest(), stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // Platforms answer errors rather than throw; if one throws anyway, say so instead of hanging up.
                return (Http1ResponseWriter.Format(Http1ResponseWriter.Refusal(500, "The Sandbox failed: " + e.Message), false, true), false);
            }

            if (exchange.DropConnection)
            {
                return (null, false);
            }

            if (exchange.Hang)
            {
                await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
            }

            try
            {
                return (Http1ResponseWriter.Format(exchange.Response!, request.KeepAlive, request.Method != "HEAD"), request.KeepAlive);
            }
            catch (ArgumentException e)
            {
                return (Http1ResponseWriter.Format(Http1ResponseWriter.Refusal(500, e.Message), false, true), false);
            }
        }

        /// <summary>
        /// Ends a connection after its last answer: half-close, then read (for a bounded time) until
        /// the client closes too. Closing with unread request bytes makes the kernel send a reset,
        /// which can destroy the answer before the client has read it.
        /// </summary>
        private async Task CloseAsync(Socket socket, NetworkStream stream)
        {
            socket.Shutdown(SocketShutdown.Send);
            using (var drain = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            using (drain.Token.Register(socket.Dispose))
            {
                // Closing the socket is what ends the read where NetworkStream ignores the token (.NET Framework).
                drain.CancelAfter(DrainWait);
                var discard = new byte[4096];
                while (await stream.ReadAsync(discard, 0, discard.Length, drain.Token).ConfigureAwait(false) > 0)
                {
                }
            }
        }
    }
}
