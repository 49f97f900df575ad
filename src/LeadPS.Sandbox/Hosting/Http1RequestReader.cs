using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Reads HTTP/1.x requests one after another from one connection: the request line, the headers
    /// exactly as received, and the body by Content-Length or chunked transfer coding. A request the
    /// server must refuse raises <see cref="Http1ProtocolException"/>; a connection that ends in the
    /// middle of a request raises <see cref="EndOfStreamException"/>.
    /// </summary>
    internal sealed class Http1RequestReader
    {
        /// <summary>The request line, the headers and their line ends together (431 beyond).</summary>
        public const int MaxHeaderBytes = 64 * 1024;

        /// <summary>The body, after de-chunking (413 beyond).</summary>
        public const int MaxBodyBytes = 16 * 1024 * 1024;

        private const int MaxChunkSizeLineBytes = 1024;

        private static readonly byte[] Continue = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        // Header bytes become text as UTF-8, what clients that put non-ASCII in headers send; the
        // emulators sign and compare strings. Invalid sequences turn into U+FFFD rather than failing.
        private static readonly Encoding HeaderText = new UTF8Encoding(false, false);

        private readonly Stream _stream;

        // Holds at least a whole head, so a line never has to be pieced together from two buffers.
        private readonly byte[] _buffer = new byte[MaxHeaderBytes];
        private int _start;
        private int _end;

        public Http1RequestReader(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        }

        /// <summary>The next request, or null when the client closed the connection between requests.</summary>
        public async Task<Http1Request?> ReadAsync(CancellationToken cancellationToken)
        {
            var budget = MaxHeaderBytes;
            string? requestLine;
            do
            {
                // Empty lines before a request line are ignored (RFC 9112, 2.2).
                var (line, length) = await ReadLineAsync(budget, 431, cancellationToken).ConfigureAwait(false);
                if (line == null)
                {
                    return null;
                }

                budget -= length;
                requestLine = line;
            }
            while (requestLine.Length == 0);

            var (method, target, http11) = ParseRequestLine(requestLine);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var (line, length) = await ReadLineAsync(budget, 431, cancellationToken).ConfigureAwait(false);
                budget -= length;
                if (line == null)
                {
                    throw new EndOfStreamException("The connection closed within the request headers.");
                }

                if (line.Length == 0)
                {
                    break;
                }

                AddHeader(headers, line);
            }

            var chunked = IsChunked(headers);
            var contentLength = chunked ? 0 : ContentLength(headers);
            await ExpectAsync(headers, http11 && (chunked || contentLength > 0), cancellationToken).ConfigureAwait(false);
            var body = chunked
                ? await ReadChunkedAsync(budget, cancellationToken).ConfigureAwait(false)
                : await ReadExactlyAsync(contentLength, cancellationToken).ConfigureAwait(false);
            return new Http1Request(method, target, headers, body, KeepAlive(http11, headers));
        }

        private static (string Method, string Target, bool Http11) ParseRequestLine(string line)
        {
            // Exactly METHOD SP request-target SP HTTP-version: no other spaces, anywhere.
            var parts = line.Split(' ');
            if (parts.Length != 3 || !IsToken(parts[0]))
            {
                throw new Http1ProtocolException(400, "The request line is not 'METHOD target HTTP/1.1'.");
            }

            var version = parts[2];
            if (version != "HTTP/1.1" && version != "HTTP/1.0")
            {
                var wellFormed = version.Length == 8 && version.StartsWith("HTTP/", StringComparison.Ordinal)
                    && char.IsDigit(version[5]) && version[6] == '.' && char.IsDigit(version[7]);
                throw wellFormed
                    ? new Http1ProtocolException(505, "Only HTTP/1.1 and HTTP/1.0 are served, not " + version + ".")
                    : new Http1ProtocolException(400, "The request line has no HTTP version.");
            }

            return (parts[0], Target(parts[1]), version == "HTTP/1.1");
        }

        private static string Target(string target)
        {
            foreach (var c in target)
            {
                if (c <= ' ' || c == '\u007f')
                {
                    throw new Http1ProtocolException(400, "The request target contains a control character.");
                }
            }

            if (target.StartsWith("/", StringComparison.Ordinal))
            {
                return target;
            }

            // Absolute form (what a client talking to a proxy sends): keep the path and query as sent.
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && (target.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                var pathStart = target.IndexOfAny(new[] { '/', '?' }, scheme + 3);
                return pathStart < 0 ? "/" : target[pathStart] == '?' ? "/" + target.Substring(pathStart) : target.Substring(pathStart);
            }

            throw new Http1ProtocolException(400, "The request target is neither a path nor an absolute http URL.");
        }

        private static void AddHeader(Dictionary<string, string> headers, string line)
        {
            // A name is a token right up to the colon: this also refuses "Name : value" and the
            // obsolete folded continuation lines (which start with a space), as RFC 9112 allows.
            var colon = line.IndexOf(':');
            var name = colon < 0 ? string.Empty : line.Substring(0, colon);
            if (!IsToken(name))
            {
                throw new Http1ProtocolException(400, "A header line is not 'Name: value'.");
            }

            // Only the optional whitespace around the value goes; everything inside stays as sent.
            var value = line.Substring(colon + 1).Trim(' ', '\t');
            foreach (var c in value)
            {
                if ((c < ' ' && c != '\t') || c == '\u007f')
                {
                    throw new Http1ProtocolException(400, "The value of header " + name + " contains a control character.");
                }
            }

            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        private static bool IsChunked(Dictionary<string, string> headers)
        {
            if (!headers.TryGetValue("Transfer-Encoding", out var codings))
            {
                return false;
            }

            // Both would let the two ends disagree on where the body ends (request smuggling).
            if (headers.ContainsKey("Content-Length"))
            {
                throw new Http1ProtocolException(400, "A request cannot have both Transfer-Encoding and Content-Length.");
            }

            if (!string.Equals(codings, "chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new Http1ProtocolException(501, "The only transfer coding served is chunked, not " + codings + ".");
            }

            return true;
        }

        private static int ContentLength(Dictionary<string, string> headers)
        {
            if (!headers.TryGetValue("Content-Length", out var text))
            {
                return 0;
            }

            if (text.Length == 0 || !IsDigits(text))
            {
                throw new Http1ProtocolException(400, "Content-Length is not a number: " + text);
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyBytes)
            {
                throw new Http1ProtocolException(413, "The body is larger than " + MaxBodyBytes + " bytes.");
            }

            return (int)length;
        }

        private async Task ExpectAsync(Dictionary<string, string> headers, bool bodyFollows, CancellationToken cancellationToken)
        {
            if (!headers.TryGetValue("Expect", out var expectation))
            {
                return;
            }

            if (!string.Equals(expectation, "100-continue", StringComparison.OrdinalIgnoreCase))
            {
                throw new Http1ProtocolException(417, "The only expectation served is 100-continue.");
            }

            // The client may be holding the body back until it hears this.
            if (bodyFollows)
            {
                await _stream.WriteAsync(Continue, 0, Continue.Length, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool KeepAlive(bool http11, Dictionary<string, string> headers)
        {
            var close = false;
            var keepAlive = false;
            if (headers.TryGetValue("Connection", out var connection))
            {
                foreach (var option in connection.Split(','))
                {
                    close |= string.Equals(option.Trim(' ', '\t'), "close", StringComparison.OrdinalIgnoreCase);
                    keepAlive |= string.Equals(option.Trim(' ', '\t'), "keep-alive", StringComparison.OrdinalIgnoreCase);
                }
            }

            return !close && (http11 || keepAlive);
        }

        private async Task<byte[]> ReadChunkedAsync(int trailerBudget, CancellationToken cancellationToken)
        {
            using (var body = new MemoryStream())
            {
                while (true)
                {
                    var (sizeLine, _) = await ReadLineAsync(MaxChunkSizeLineBytes, 400, cancellationToken).ConfigureAwait(false);
                    var size = ChunkSize(sizeLine ?? throw new EndOfStreamException("The connection closed within a chunked body."));
                    if (size == 0)
                    {
                        break;
                    }

                    if (body.Length + size > MaxBodyBytes)
                    {
                        throw new Http1ProtocolException(413, "The body is larger than " + MaxBodyBytes + " bytes.");
                    }

                    var chunk = await ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false);
                    body.Write(chunk, 0, chunk.Length);
                    var (end, _) = await ReadLineAsync(2, 400, cancellationToken).ConfigureAwait(false);
                    if (end == null || end.Length != 0)
                    {
                        throw end == null
                            ? (Exception)new EndOfStreamException("The connection closed within a chunked body.")
                            : new Http1ProtocolException(400, "A chunk is longer than its size line says.");
                    }
                }

                // Trailer fields are read (within what is left of the header limit) and dropped.
                while (true)
                {
                    var (line, length) = await ReadLineAsync(trailerBudget, 431, cancellationToken).ConfigureAwait(false);
                    trailerBudget -= length;
                    if (line == null)
                    {
                        throw new EndOfStreamException("The connection closed within the trailer of a chunked body.");
                    }

                    if (line.Length == 0)
                    {
                        return body.ToArray();
                    }
                }
            }
        }

        private static int ChunkSize(string line)
        {
            var semicolon = line.IndexOf(';');
            var hex = (semicolon < 0 ? line : line.Substring(0, semicolon)).Trim(' ', '\t');
            if (hex.Length == 0 || !IsHex(hex))
            {
                throw new Http1ProtocolException(400, "A chunk size is not a hexadecimal number: " + line);
            }

            // Seven hex digits already exceed the body limit; more could overflow the parse.
            var digits = hex.TrimStart('0');
            if (digits.Length > 7)
            {
                throw new Http1ProtocolException(413, "The body is larger than " + MaxBodyBytes + " bytes.");
            }

            return digits.Length == 0 ? 0 : int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The next line without its line end (CRLF, or a bare LF, which RFC 9112 lets a recipient
        /// accept) and its length with the line end; (null, 0) if the connection ended before it began.
        /// A line longer than <paramref name="limit"/> bytes is refused with <paramref name="tooLongStatus"/>.
        /// </summary>
        private async Task<(string? Line, int Length)> ReadLineAsync(int limit, int tooLongStatus, CancellationToken cancellationToken)
        {
            var scanned = 0;
            while (true)
            {
                var lineFeed = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
                if (lineFeed >= 0)
                {
                    var length = lineFeed + 1 - _start;
                    if (length > limit)
                    {
                        break;
                    }

                    var contentEnd = lineFeed > _start && _buffer[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
                    var line = HeaderText.GetString(_buffer, _start, contentEnd - _start);
                    _start = lineFeed + 1;
                    if (line.IndexOf('\r') >= 0)
                    {
                        throw new Http1ProtocolException(400, "A line contains a bare carriage return.");
                    }

                    return (line, length);
                }

                scanned = _end - _start;
                if (scanned >= limit)
                {
                    break;
                }

                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (scanned > 0)
                    {
                        throw new EndOfStreamException("The connection closed within a line.");
                    }

                    return (null, 0);
                }
            }

            throw new Http1ProtocolException(tooLongStatus, tooLongStatus == 431 ? "The request headers are larger than " + MaxHeaderBytes + " bytes." : "A line is too long.");
        }

        private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var bytes = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new EndOfStreamException("The connection closed within the request body.");
                }

                var take = Math.Min(count - copied, _end - _start);
                Buffer.BlockCopy(_buffer, _start, bytes, copied, take);
                _start += take;
                copied += take;
            }

            return bytes;
        }

        /// <summary>Reads more bytes after those not consumed yet; false at the end of the stream.</summary>
        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start == _end || _end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An RFC 9110 token: what methods and header names are made of.</summary>
        private static bool IsToken(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
