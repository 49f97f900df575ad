using System.Collections;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class TransportTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task Requests_go_through_the_given_proxy()
    {
        // A loopback "proxy" that records the tunnel request HttpClient makes for an HTTPS address.
        var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        var port = ((IPEndPoint)proxy.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var client = await proxy.AcceptTcpClientAsync();
            var buffer = new byte[4096];
            var read = await client.GetStream().ReadAsync(buffer);
            var request = Encoding.ASCII.GetString(buffer, 0, read);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return request;
        });

        var result = _session.RunWith(
            "Connect-LeadApi -Platform Copper -Credential $c -BaseUri https://api.copper.test/developer_api/v1/ -Proxy $args[0] -MaximumRetryCount 0",
            new Hashtable { ["c"] = Secrets.Credential("admin@example.test", "proxy-token") },
            new Uri($"http://127.0.0.1:{port}/"));
        var tunnel = await received.WaitAsync(TimeSpan.FromSeconds(30));
        proxy.Stop();

        Assert.StartsWith("CONNECT api.copper.test:443 HTTP/1.1", tunnel);
        Assert.DoesNotContain("proxy-token", tunnel);
        Assert.Equal("LeadApiUnavailable", result.TerminatingRecord?.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void The_ivvy_signing_vectors_hold_in_the_hosted_engine()
    {
        var result = _session.Run("""
            $sig = [LeadPS.Ivvy.IvvySignature]
            $utf8 = [System.Text.Encoding]::UTF8
            $md5 = $sig::ContentMd5($utf8.GetBytes('{"example":"body"}'))
            $date = [System.Collections.Generic.KeyValuePair[string,string]]::new('IVVY-Date', '2012-04-03 22:23:24')
            $toSign = $sig::BuildStringToSign('POST', $md5, 'application/json', '/api/1.0/test?action=ping', [System.Collections.Generic.KeyValuePair[string,string][]]@($date), '1.0')
            $sig::Sign($toSign, $utf8.GetBytes('my secret key'))
            $sig::Sign('string to sign', $utf8.GetBytes('my secret key'))
            $empty = $sig::ContentMd5([byte[]]::new(0))
            $date3 = [System.Collections.Generic.KeyValuePair[string,string]]::new('IVVY-Date', '2024-01-02 03:04:05 UTC')
            $sig::AuthorizationValue('TESTKEY1', $sig::Sign($sig::BuildStringToSign('POST', $empty, 'application/json; charset=utf-8', '/api/1.0/test?action=ping', [System.Collections.Generic.KeyValuePair[string,string][]]@($date3), '1.0'), $utf8.GetBytes('testsecret1')))
            """).ThrowIfErrors();

        Assert.Equal(
            new[] { "74af7ec6fec55dc88543e05096c69cebaf391eb9", "a993876ea1218921a1c8551923473da7b310dfae", "IWS TESTKEY1:f5fa54c0ecb2284175481ce9a06f24c9166dd0e3" },
            result.Output.Select(o => o.ToString()));
    }
}
