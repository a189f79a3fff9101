using static SociaalDomein.Host.Tests.PrometheusText;

namespace SociaalDomein.Host.Tests;

/// <summary>/metrics, as Prometheus scrapes it, after one accepted declaration and one refused message.</summary>
[Trait("Category", "Operations")]
[Collection(PipelineCollection.Name)]
public sealed class MetricsTests(ObservedPipeline pipeline)
{
    private static readonly (string, string) Ijw = ("sd_standard", "ijw");
    private static readonly (string, string) Declaratie = ("sd_message_type", "323");

    [Fact]
    public void Messages_are_counted_by_standard_and_type_as_consumed_accepted_and_dead_lettered()
    {
        Assert.Equal(2, Delta("sd_messages_consumed_total", Ijw, Declaratie));
        Assert.Equal(1, Delta("sd_messages_accepted_total", Ijw, Declaratie));
        Assert.Equal(1, Delta("sd_messages_deadlettered_total", Ijw, Declaratie, ("sd_deadletter_rule", "SD-REQUIRED")));
        Assert.Equal(1, Delta("sd_declaration_lines_total", Ijw, Declaratie));
    }

    [Fact]
    public void Alerts_are_counted_by_kind_and_severity()
    {
        Assert.Equal(3, Delta("sd_alerts_published_total", ("sd_alert_kind", "CeilingThreshold")));
        Assert.Equal(1, Delta("sd_alerts_published_total", ("sd_alert_kind", "CeilingThreshold"), ("sd_alert_severity", "critical")));
    }

    [Fact]
    public void End_to_end_and_processing_latency_are_histograms_of_every_durable_record()
    {
        Assert.Equal(1, Delta("sd_message_end_to_end_duration_seconds_count", Ijw, Declaratie, ("sd_outcome", "accepted")));
        Assert.Equal(1, Delta("sd_message_end_to_end_duration_seconds_count", Ijw, Declaratie, ("sd_outcome", "dead_lettered")));
        Assert.Equal(2, Delta("sd_message_processing_duration_seconds_count", Ijw, Declaratie));
        // The record waited for the consumer group to form, so it took more than nothing and less than the test.
        var seconds = Delta("sd_message_end_to_end_duration_seconds_sum", Ijw, Declaratie, ("sd_outcome", "accepted"));
        Assert.InRange(seconds, 0.001, 60);
    }

    [Fact]
    public void Consumer_lag_is_reported_per_assigned_partition_and_is_zero_once_everything_is_consumed()
    {
        var lag = Named(pipeline.MetricsAfter, "sd_consumer_lag");
        Assert.NotEmpty(lag);
        Assert.All(lag, s => Assert.Equal("istd.ijw", s.Labels["messaging_destination_name"]));
        Assert.Equal(lag.Count, lag.Select(s => s.Labels["messaging_destination_partition_id"]).Distinct().Count());
        Assert.All(lag, s => Assert.Equal(0, s.Value));
    }

    [Fact]
    public void PostgreSQL_writes_grain_activations_and_the_runtime_are_measured_too()
    {
        Assert.True(Delta("sd_postgres_write_duration_seconds_count", ("db_operation_name", "INSERT")) >= 3, "ledger, message log and alerts are inserts");
        Assert.True(Delta("sd_postgres_write_duration_seconds_count", ("db_operation_name", "COPY")) >= 1, "the ledger copies lines in");
        Assert.True(Delta("sd_postgres_write_duration_seconds_count", ("db_operation_name", "UPDATE")) >= 1, "grain state is updated");
        Assert.True(Sum(pipeline.MetricsAfter, "orleans_catalog_activations") >= 1, "the contract grain is active");
        Assert.NotEmpty(Named(pipeline.MetricsAfter, "db_client_operation_duration_seconds_count"));
        Assert.NotEmpty(Named(pipeline.MetricsAfter, "dotnet_gc_collections_total"));
    }

    [Fact]
    public void No_metric_carries_a_BSN_or_a_client_level_label()
    {
        Assert.DoesNotContain(Jw.TestBsn, pipeline.MetricsAfter, StringComparison.Ordinal);
        var labels = Parse(pipeline.MetricsAfter).Where(s => s.Name.StartsWith("sd_", StringComparison.Ordinal))
            .SelectMany(s => s.Labels.Keys).ToHashSet();
        Assert.DoesNotContain(labels, l => l.Contains("client", StringComparison.OrdinalIgnoreCase) || l.Contains("bsn", StringComparison.OrdinalIgnoreCase)
                                           || l.Contains("pseudonym", StringComparison.OrdinalIgnoreCase) || l.Contains("message_id", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_provisioned_Grafana_dashboard_queries_only_metrics_the_host_exposes()
    {
        using var dashboard = System.Text.Json.JsonDocument.Parse(Repository.Read("deploy/grafana/dashboards/sociaaldomein.json"));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        // Label names appear in "by (...)" groups; what is left that looks like one of ours is a metric name.
        var queried = expressions.Select(e => System.Text.RegularExpressions.Regex.Replace(e, @"by \([^)]*\)", ""))
            .SelectMany(e => System.Text.RegularExpressions.Regex.Matches(e, @"\b(sd|orleans)_[a-z0-9_]+").Select(m => m.Value)).ToHashSet();
        var exposed = Parse(pipeline.MetricsAfter).Select(s => s.Name).ToHashSet();

        Assert.True(queried.Count >= 9, string.Join(", ", queried));
        Assert.All(queried, name => Assert.Contains(name, exposed));
    }

    private double Delta(string name, params (string Label, string Value)[] labels) =>
        Sum(pipeline.MetricsAfter, name, labels) - Sum(pipeline.MetricsBefore, name, labels);
}
