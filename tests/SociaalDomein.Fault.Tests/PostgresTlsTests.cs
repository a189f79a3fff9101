using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SociaalDomein.Storage;
using SociaalDomein.Storage.Connection;
using SociaalDomein.Storage.Embedded;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// A real TLS handshake with PostgreSQL: a private server with a certificate signed by a CA made for the test and a
/// pg_hba.conf that accepts TCP connections over TLS only (hostssl). The connection string the app is given
/// (<c>SSL Mode=VerifyFull;Root Certificate=…</c>) must really encrypt, a wrong CA must be refused, and so must plain text.
/// </summary>
[Trait("Category", "Security")]
public sealed class PostgresTlsTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-tls-");
    private PrivatePostgres _postgres = null!;
    private string _caFile = null!;
    private string _otherCaFile = null!;

    public async Task InitializeAsync()
    {
        using var ca = Authority("SociaalDomein test CA");
        using var other = Authority("Some other CA");
        using var server = ServerCertificate(ca);
        _caFile = Path.Combine(_work.FullName, "ca.crt");
        _otherCaFile = Path.Combine(_work.FullName, "other-ca.crt");
        await File.WriteAllTextAsync(_caFile, ca.ExportCertificatePem());
        await File.WriteAllTextAsync(_otherCaFile, other.ExportCertificatePem());

        _postgres = await PrivatePostgres.StartAsync("tls");
        await _postgres.ConfigureAsync(
            "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\nssl_min_protocol_version = 'TLSv1.2'",
            new Dictionary<string, string>
            {
                ["server.crt"] = server.ExportCertificatePem(),
                ["server.key"] = server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(),
            },
            // The unix socket stays open for the server's own tools; every TCP connection must use TLS.
            hostBasedAuthentication: "local all all trust\nhostssl all all 127.0.0.1/32 trust\n");
        await _postgres.RestartAsync();
    }

    [Fact]
    public async Task The_apps_VerifyFull_connection_string_passes_the_start_checks_and_its_connections_are_encrypted()
    {
        var connectionString = With(SslMode.VerifyFull, _caFile);
        Assert.Empty(PostgresTls.Problems(connectionString));

        // The data source the hosts use (AddSociaalDomeinStorage), asked by the server itself whether this session is TLS.
        await using var services = new ServiceCollection().AddSociaalDomeinStorage(connectionString).BuildServiceProvider();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0), "pg_stat_ssl says the app's connection is not encrypted");
        Assert.StartsWith("TLSv1.", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFull_with_a_CA_that_did_not_sign_the_servers_certificate_is_refused_with_a_certificate_error()
    {
        var connectionString = With(SslMode.VerifyFull, _otherCaFile);
        Assert.Empty(PostgresTls.Problems(connectionString)); // the file exists: only the handshake can tell it is the wrong CA

        await using var connection = new NpgsqlConnection(connectionString);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());
        var chain = Chain(refused);
        Assert.Contains(chain, e => e is AuthenticationException);
        Assert.Contains(chain, e => e.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_plaintext_connection_is_refused_by_the_hostssl_only_server()
    {
        await using var connection = new NpgsqlConnection(With(SslMode.Disable, rootCertificate: null));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidAuthorizationSpecification, refused.SqlState);
        Assert.Contains("no encryption", refused.MessageText, StringComparison.Ordinal);
    }

    private string With(SslMode mode, string? rootCertificate) =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { SslMode = mode, RootCertificate = rootCertificate, Pooling = false }.ConnectionString;

    private static List<Exception> Chain(Exception e)
    {
        var chain = new List<Exception>();
        for (Exception? current = e; current is not null; current = current.InnerException) chain.Add(current);
        return chain;
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A server certificate for 127.0.0.1 (the address the app connects to, checked by VerifyFull), signed by <paramref name="ca"/>.</summary>
    private static X509Certificate2 ServerCertificate(X509Certificate2 ca)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1).AddMinutes(-10), serial);
        return signed.CopyWithPrivateKey(key);
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _work.Delete(recursive: true);
    }
}
