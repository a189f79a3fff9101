using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Storage;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The two public methods are the whole seam with the host. The host builds on WebApplication.CreateEmptyBuilder, which
/// adds nothing by itself: the API must still authenticate, authorise, answer problems and serve its documents there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SeamTests(ApiFixture api)
{
    [Fact]
    public async Task The_api_works_in_an_empty_web_application_with_only_routing_and_kestrel()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = api.ConnectionString });
        builder.Services.AddRouting();
        builder.Services.AddSociaalDomeinApi(builder.Configuration); // registers storage itself: the host had not
        await using var app = builder.Build();
        app.MapSociaalDomeinApi();
        await app.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress() };
        using var dataTeam = new HttpClient { BaseAddress = app.BaseAddress() };
        dataTeam.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.DataTeam);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dataTeam.GetAsync("/api/traffic/dead-letters")).StatusCode);
        Assert.Equal(3, (await dataTeam.OkJsonAsync("/api/contracts?year=2026&municipality=0268")).Long("total"));
        await (await dataTeam.GetAsync("/api/contracts?year=twenty")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/dashboard/")).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public void Without_a_connection_string_or_storage_the_api_says_what_it_needs()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddSociaalDomeinApi(new ConfigurationBuilder().AddInMemoryCollection(TestKeys.Settings).Build()));

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_registered_by_the_host_is_used_as_it_is()
    {
        var services = new ServiceCollection();
        services.AddSociaalDomeinStorage(api.ConnectionString);
        var before = services.Count(d => d.ServiceType == typeof(Npgsql.NpgsqlDataSource));

        services.AddSociaalDomeinApi(new ConfigurationBuilder().AddInMemoryCollection(TestKeys.Settings).Build());

        Assert.Equal(1, before);
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(Npgsql.NpgsqlDataSource)));
    }
}
