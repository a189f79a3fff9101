using System.Net;
using System.Text.Json;

namespace SociaalDomein.Host.Tests;

/// <summary>/health/live and /health/ready on the host's HTTP listener.</summary>
[Trait("Category", "Operations")]
[Collection(PipelineCollection.Name)]
public sealed class HealthTests(ObservedPipeline pipeline)
{
    [Fact]
    public async Task Live_answers_200_while_the_process_serves_HTTP()
    {
        using var response = await pipeline.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_names_its_checks_PostgreSQL_migrated_silo_joined_and_Kafka_reachable()
    {
        using var response = await pipeline.Http.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks");
        Assert.Equal(["kafka", "postgres", "silo"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.StartsWith("schema at ", checks.GetProperty("postgres").GetProperty("description").GetString());
        Assert.Contains("is active in cluster", checks.GetProperty("silo").GetProperty("description").GetString());
    }
}
