using System.Net.Sockets;
using System.Text;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// A TCP connection driven byte by byte, for what HttpClient will not do on purpose: several
/// requests on one connection, malformed requests, holding a body back, watching for a reset.
/// Every read gives up after a few seconds, so a server that says nothing fails the test instead of hanging it.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _unread = new();

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(SandboxLoopbackServer server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, server.Port);
        return new RawConnection(client);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Reads one answer: the head up to the empty line, then Content-Length bytes of body.</summary>
    public async Task<RawResponse> ReadResponseAsync()
    {
        var lines = new List<string>();
        string line;
        while ((line = await ReadLineAsync()).Length > 0)
        {
            lines.Add(line);
        }

        var headers = lines.Skip(1).Select(l =>
        {
            var colon = l.IndexOf(':');
            return KeyValuePair.Create(l.Substring(0, colon), l.Substring(colon + 1).Trim());
        }).ToList();
        var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h.Value)).SingleOrDefault();
        return new RawResponse(lines[0], headers, await ReadBytesAsync(length));
    }

    /// <summary>Reads until the server closes the connection: what arrived, and whether it ended with a reset.</summary>
    public async Task<(byte[] Bytes, bool Reset)> ReadToEndAsync()
    {
        var received = new List<byte>(_unread);
        _unread.Clear();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await ReadSomeAsync(buffer)) > 0)
            {
                received.AddRange(buffer.Take(read));
            }

            return (received.ToArray(), false);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return (received.ToArray(), true);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            var b = (await ReadBytesAsync(1))[0];
            if (b == '\n')
            {
                return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            }

            line.Add(b);
        }
    }

    private async Task<byte[]> ReadBytesAsync(int count)
    {
        var buffer = new byte[4096];
        while (_unread.Count < count)
        {
            var read = await ReadSomeAsync(buffer);
            if (read == 0)
            {
                throw new EndOfStreamException($"The server closed the connection; wanted {count} bytes, had {_unread.Count}.");
            }

            _unread.AddRange(buffer.Take(read));
        }

        var bytes = _unread.Take(count).ToArray();
        _unread.RemoveRange(0, count);
        return bytes;
    }

    private async Task<int> ReadSomeAsync(byte[] buffer)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _stream.ReadAsync(buffer, timeout.Token);
    }
}
