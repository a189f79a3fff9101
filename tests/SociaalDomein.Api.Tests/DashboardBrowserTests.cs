using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The dashboard in headless Chromium, signed in as the Nijmegen contract manager: every figure on a page is compared
/// with what the API answers to the same key, and acknowledging an alert goes through to the database. Set
/// SD_SCREENSHOTS_DIR to save a screenshot of each page (docs/ holds the ones committed).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardBrowserTests(ApiFixture api, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string AlertToAcknowledge = "ceiling-threshold:1945:11111111:2026:all:90:1";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = api.App.BaseAddress().ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) => { if (message.Type == "error") _consoleErrors.Add(message.Text); };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task The_dashboard_shows_the_apis_figures_and_acknowledges_an_alert()
    {
        using var client = api.Client(TestKeys.ContractManager);

        // Sign in on the regional overview.
        await _page.GotoAsync("dashboard/?year=2026#/overview");
        await _page.FillAsync("#api-key", TestKeys.ContractManager);
        await _page.ClickAsync("#login button");
        await _page.WaitForSelectorAsync("#municipalities tbody tr");
        Assert.Equal("rob-nijmegen (contractmanager: 0268, 1945)", await _page.TextContentAsync("#who"));

        var municipalities = (await client.OkJsonAsync("/api/municipalities?year=2026")).Items();
        Assert.Equal(municipalities.Count, await _page.Locator("#municipalities tbody tr").CountAsync());
        foreach (var m in municipalities)
        {
            var line = _page.Locator($"#municipalities tr[data-municipality='{m.Str("municipalityCode")}']");
            var cells = line.Locator("td[data-cents]");
            Assert.Equal(m.Long("declaredCents").ToString(CultureInfo.InvariantCulture), await cells.Nth(0).GetAttributeAsync("data-cents"));
            Assert.Equal(m.Long("ceilingCents").ToString(CultureInfo.InvariantCulture), await cells.Nth(2).GetAttributeAsync("data-cents"));
            Assert.Equal(Euro(m.Long("declaredCents")), Normalise(await cells.Nth(0).TextContentAsync()));
            Assert.Equal($"{m.GetProperty("ceilingUsePercent").GetDecimal().ToString("0.0", Dutch)} %", await line.Locator("td.use").TextContentAsync());
            Assert.Equal(m.Str("status"), await line.Locator(".light").GetAttributeAsync("data-status"));
        }
        Assert.Equal("red", await _page.Locator("#municipalities tr[data-municipality='1945'] .light").GetAttributeAsync("data-status"));
        await ScreenshotAsync("dashboard-overview.png");

        // Provider page: ceiling use over the year.
        await _page.GotoAsync("dashboard/?year=2026#/provider/11111111");
        await _page.WaitForSelectorAsync("#ceiling-chart path.cumulative");
        var use = await client.OkJsonAsync("/api/providers/11111111/ceiling-use?year=2026");
        Assert.Equal(use.Long("declaredCents").ToString(CultureInfo.InvariantCulture),
            await _page.GetAttributeAsync("#provider-cards [data-field='declared']", "data-cents"));
        Assert.Equal(use.Long("ceilingCents").ToString(CultureInfo.InvariantCulture),
            await _page.GetAttributeAsync("#provider-cards [data-field='ceiling']", "data-cents"));
        Assert.Equal(use.GetProperty("points").EnumerateArray().Last().Long("cumulativeCents").ToString(CultureInfo.InvariantCulture),
            await _page.GetAttributeAsync("#ceiling-chart path.cumulative", "data-last-cents"));
        Assert.Equal(use.GetProperty("contracts").GetArrayLength(), await _page.Locator("#provider-contracts tbody tr").CountAsync());
        // The year-end forecast: the card and the end of the chart's forecast line show the figure the API returns,
        // and each contract's row its own.
        var projected = use.GetProperty("forecast").Long("projectedCents");
        var forecastCard = _page.Locator("#provider-cards [data-field='forecast']");
        Assert.Equal(projected.ToString(CultureInfo.InvariantCulture), await forecastCard.GetAttributeAsync("data-cents"));
        Assert.Equal(Euro(projected), Normalise(await forecastCard.Locator(".value").TextContentAsync()));
        Assert.Equal(projected.ToString(CultureInfo.InvariantCulture), await _page.GetAttributeAsync("#ceiling-chart path.forecast", "data-projected-cents"));
        Assert.StartsWith($"forecast {Euro(projected)} at the year end", Normalise(await _page.TextContentAsync("#ceiling-chart .forecast-label")), StringComparison.Ordinal);
        Assert.Equal(use.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("forecast").Long("projectedCents").ToString(CultureInfo.InvariantCulture)),
            await _page.Locator("#provider-contracts td.forecast").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.cents)"));
        await ScreenshotAsync("dashboard-provider.png");

        // Daily cost chart.
        await _page.GotoAsync("dashboard/?year=2026#/daily?from=2026-03-01&to=2026-05-31");
        await _page.WaitForSelectorAsync("#daily tbody tr");
        var days = (await client.OkJsonAsync("/api/daily-costs/per-day?from=2026-03-01&to=2026-05-31")).Items();
        Assert.Equal(days.Sum(d => d.Long("amountCents")).ToString(CultureInfo.InvariantCulture),
            await _page.GetAttributeAsync(".card[data-field='daily-total']", "data-cents"));
        Assert.Equal(days.Count, await _page.Locator("#daily-chart rect.bar").CountAsync());
        Assert.Equal(days.Select(d => d.Str("date")), await _page.Locator("#daily tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.day)"));
        await ScreenshotAsync("dashboard-daily-costs.png");
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#csv-download"));
        Assert.Equal("daily-costs-2026-03-01-2026-05-31.csv", download.SuggestedFilename);
        Assert.Equal(await client.GetStringAsync("/api/daily-costs?format=csv&from=2026-03-01&to=2026-05-31"),
            await File.ReadAllTextAsync((await download.PathAsync())!));

        // Alert list: acknowledge one with a note.
        await _page.GotoAsync("dashboard/?year=2026#/alerts?status=open");
        var row = _page.Locator($"#alerts tr[data-alert-id='{AlertToAcknowledge}']");
        await row.WaitForAsync();
        var open = (await client.OkJsonAsync("/api/alerts?year=2026&status=open")).Items();
        Assert.Equal(open.Select(a => a.Str("id")).Order(StringComparer.Ordinal),
            (await _page.Locator("#alerts tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.alertId)")).Order(StringComparer.Ordinal));
        await ScreenshotAsync("dashboard-alerts.png");

        await row.Locator("input.note").FillAsync("Provider informed; waiting list frozen until July.");
        await row.Locator("button").ClickAsync();
        await _page.WaitForSelectorAsync($"#alerts tr[data-alert-id='{AlertToAcknowledge}'][data-resolved='true']");

        var acknowledged = await client.OkJsonAsync($"/api/alerts/{AlertToAcknowledge}");
        Assert.True(acknowledged.GetProperty("resolved").GetBoolean());
        Assert.Equal("rob-nijmegen", acknowledged.Str("acknowledgedBy"));
        Assert.Equal("Provider informed; waiting list frozen until July.", acknowledged.Str("acknowledgementNote"));
        Assert.Contains("waiting list frozen", await _page.Locator($"#alerts tr[data-alert-id='{AlertToAcknowledge}'] .note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_and_the_figures_stay_hidden()
    {
        await _page.GotoAsync("dashboard/?year=2026#/overview");
        await _page.FillAsync("#api-key", "this-is-not-a-key-of-the-system");
        await _page.ClickAsync("#login button");

        await _page.WaitForSelectorAsync("#error:not([hidden])");
        Assert.Equal("This API key is not known.", await _page.TextContentAsync("#error"));
        Assert.Equal(0, await _page.Locator("#municipalities").CountAsync());
    }

    [Fact]
    public async Task The_backoffice_sees_the_message_traffic_page()
    {
        using var client = api.Client(TestKeys.Backoffice);

        await _page.GotoAsync("dashboard/#/traffic");
        await _page.FillAsync("#api-key", TestKeys.Backoffice);
        await _page.ClickAsync("#login button");
        await _page.WaitForSelectorAsync("#dead-letter-rules tbody tr");

        var summary = await client.OkJsonAsync("/api/traffic/summary");
        Assert.Equal(summary.Long("acceptedMessages").ToString(CultureInfo.InvariantCulture),
            Normalise(await _page.TextContentAsync("#traffic-cards [data-field='accepted'] .value")));
        Assert.True(await _page.Locator("#nav a[data-page='overview']").IsHiddenAsync());
        await ScreenshotAsync("dashboard-traffic.png");
    }

    private async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("SD_SCREENSHOTS_DIR") is { Length: > 0 } directory)
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
    }

    private static string Euro(long cents) => Normalise((cents / 100m).ToString("C", Dutch));

    private static string Normalise(string? text) => (text ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();
}
