using System.Text.RegularExpressions;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Tests;

/// <summary>Headers, identities, file names and publish order of the demo scenario's messages.</summary>
[Collection(DemoScenarioCollection.Name)]
public sealed partial class MessageTrafficTests(DemoScenario demo)
{
    [Fact]
    public void A_301_goes_from_municipality_to_provider_and_a_323_the_other_way_with_the_iJw_codes()
    {
        var municipalities = demo.Scenario.Options.Region.Municipalities.Select(m => m.CbsCode).ToHashSet();
        Assert.All(demo.Scenario.Messages, sent =>
        {
            var message = sent.Message;
            var h = message.Header;
            Assert.Equal(Standard.IJw, message.Standard);
            Assert.Equal((3, 2, "1.0.0", "1.0.0"), (h.BerichtVersie, h.BerichtSubversie, h.BasisschemaXsdVersie, h.BerichtXsdVersie));
            var (code, municipality, provider) = message switch
            {
                ToewijzingMessage => (436, h.Afzender, h.Ontvanger),
                DeclaratieMessage => (490, h.Ontvanger, h.Afzender),
                _ => throw new InvalidOperationException(message.GetType().Name),
            };
            Assert.Equal(code, h.BerichtCode);
            Assert.Contains(municipality, municipalities);
            Assert.Matches(FakeAgb(), provider);
            Assert.Equal((municipality, provider), (message.MunicipalityCode, message.ProviderAgb));
        });
    }

    [Fact]
    public void Identificatie_is_1_to_12_characters_and_unique_per_sender_and_type_except_for_resent_copies()
    {
        var first = new Dictionary<MessageKey, string>();
        foreach (var sent in demo.Scenario.Messages)
        {
            Assert.InRange(sent.Message.Header.Identificatie.Length, 1, 12);
            var content = MessageText.Render(sent.Message);
            if (first.TryGetValue(sent.Message.Key, out var original))
            {
                Assert.True(sent.IsResend, $"{sent.Message.Key} is used by two different messages");
                Assert.Equal(original, content);
            }
            else
            {
                Assert.False(sent.IsResend, $"{sent.Name} is marked resent but was never sent");
                first[sent.Message.Key] = content;
            }
        }
        Assert.Equal(demo.Scenario.Expected.UniqueMessageCount, first.Count);
        Assert.Contains(demo.Scenario.Messages, m => m.IsResend && m.Message is DeclaratieMessage);
        Assert.Contains(demo.Scenario.Messages, m => m.IsResend && m.Message is ToewijzingMessage);
    }

    [Fact]
    public void Names_sort_in_publish_order_and_dates_never_go_back()
    {
        var messages = demo.Scenario.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var sent = messages[i];
            Assert.Equal(i + 1, sent.Sequence);
            var match = FileName().Match(sent.Name);
            Assert.True(match.Success, sent.Name);
            Assert.Equal(sent.PublishDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), match.Groups["date"].Value);
            Assert.Equal(sent.Message.MunicipalityCode, match.Groups["municipality"].Value);
            Assert.Equal(sent.Message.ProviderAgb, match.Groups["provider"].Value);
            Assert.Equal(((int)sent.Message.Type).ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["type"].Value);
            if (!sent.IsResend) Assert.Equal(sent.Message.Header.Dagtekening, sent.PublishDate);
            else Assert.True(sent.PublishDate > sent.Message.Header.Dagtekening);
            if (i == 0) continue;

            Assert.True(string.CompareOrdinal(messages[i - 1].Name, sent.Name) < 0, $"{messages[i - 1].Name} !< {sent.Name}");
            Assert.True(messages[i - 1].PublishDate <= sent.PublishDate);
        }
    }

    [Fact]
    public void A_301_carries_one_client_whose_allocations_have_either_an_Omvang_or_a_Budget()
    {
        Assert.All(demo.Toewijzingen, t =>
        {
            var client = Assert.Single(t.Toewijzing.Clients);
            Assert.NotEmpty(client.Producten);
            Assert.True(client.Geboortedatum < client.Producten.Min(p => p.Ingangsdatum));
            Assert.All(client.Producten, p =>
            {
                Assert.True(p.Omvang is null != p.BudgetCents is null, $"{p.ToewijzingNummer} has both or neither");
                Assert.InRange(p.ToewijzingNummer, 1, 999_999_999);
                Assert.Matches("^(4[0-9]|5[0-5])$", p.ProductCategorie!);
                Assert.Matches("^[0-9]{2}[A-Z][0-9]{2}$", p.ProductCode!);
                Assert.StartsWith(p.ProductCategorie!, p.ProductCode!, StringComparison.Ordinal);
                Assert.True(p.Toewijzingsdatum <= p.Ingangsdatum);
                Assert.Equal(t.Toewijzing.Header.Dagtekening, p.Toewijzingsdatum);
                Assert.True(p.Einddatum is null || p.Einddatum >= p.Ingangsdatum);
            });
        });
    }

    [Fact]
    public void Allocation_numbers_are_unique_per_municipality_and_repeat_across_municipalities()
    {
        var numbers = demo.Toewijzingen
            .SelectMany(t => t.Toewijzing.Clients[0].Producten.Select(p => (t.Toewijzing.MunicipalityCode, p.ToewijzingNummer)))
            .ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        // Each municipality numbers its own allocations: a pipeline must key them by municipality too.
        Assert.True(numbers.Select(n => n.ToewijzingNummer).Distinct().Count() < numbers.Count);
    }

    [Fact]
    public void Every_client_has_a_fake_BSN_that_passes_the_elfproef()
    {
        var bsns = demo.Toewijzingen.Select(t => t.Toewijzing.Clients[0].Bsn)
            .Concat(demo.Declarations.SelectMany(d => d.Declaratie.Clients.Select(c => c.Bsn)))
            .Select(b => b.RevealForPseudonymisation())
            .Distinct()
            .ToList();

        Assert.True(bsns.Count > 1000, $"only {bsns.Count} clients");
        Assert.All(bsns, digits =>
        {
            Assert.Matches("^999[0-9]{6}$", digits);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (digits[i] - '0');
            Assert.Equal(0, (sum - (digits[8] - '0')) % 11);
        });
    }

    [GeneratedRegex("^99[0-9]{6}$")]
    private static partial Regex FakeAgb();

    [GeneratedRegex("^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})_[0-9]{7}_jw(?<type>301|323)_(?<municipality>[0-9]{4})_(?<provider>[0-9]{8})\\.xml$")]
    private static partial Regex FileName();
}
