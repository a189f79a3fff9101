using SociaalDomein.Messages.Codes;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Validation;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>The requests, answers, start/stop and declaration answers of the full-traffic demo, and how they pair up.</summary>
[Collection(FullTrafficScenarioCollection.Name)]
public sealed class LifecycleTrafficTests(FullTrafficScenario full)
{
    private IReadOnlyList<ScenarioMessage> Messages => full.Scenario.Messages;

    [Fact]
    public void Every_message_reads_back_without_findings_and_corrections_go_in_a_later_declaration()
    {
        var findings = new List<(string Name, string Line, string Rule)>();
        foreach (var sent in Messages)
        {
            var read = MessageReader.ReadAndValidate(MessageWriter.Write(sent.Message), sent.Name);
            Assert.Equal(sent.Message.Key, read.Message.Key);
            Assert.Equal(sent.Message.GetType(), read.Message.GetType());
            findings.AddRange(read.Findings.Select(f => (sent.Name, f.Line, f.Rule)));
        }

        // TR319 allows "the current or a previous declaration period" (IV090: the product period may lie in the past),
        // so the corrections the generator sends in the next month's 323 are no finding.
        Assert.Empty(findings);
        var corrections = Messages.Where(m => m.Message is DeclaratieMessage)
            .Sum(m => ((DeclaratieMessage)m.Message).Lines.Count(l => l.Prestatie.ProductPeriodeBegin < ((DeclaratieMessage)m.Message).PeriodeBegin));
        Assert.Equal(62, corrections);
        // Those lines are exactly the corrections: a credit of last month's debit and the lower debit that replaces it,
        // and no line lies after its declaration's month (TR319: the current or a previous declaration period).
        Assert.All(full.FirstSent<DeclaratieMessage>(), d =>
        {
            var lines = d.Message.Lines.Select(l => l.Prestatie).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                Assert.True(lines[i].ProductPeriodeEinde <= d.Message.PeriodeEinde);
                if (lines[i].ProductPeriodeBegin >= d.Message.PeriodeBegin || lines[i].DebetCredit == DebetCredit.Credit) continue;
                Assert.Equal(DebetCredit.Credit, lines[i - 1].DebetCredit);
                Assert.Equal((lines[i - 1].ToewijzingNummer, lines[i - 1].ProductPeriodeBegin), (lines[i].ToewijzingNummer, lines[i].ProductPeriodeBegin));
            }
        });
    }

    [Fact]
    public void Every_message_carries_its_iJw_BerichtCode_and_goes_the_way_its_type_goes()
    {
        var municipalities = full.Scenario.Options.Region.Municipalities.Select(m => m.CbsCode).ToHashSet();
        Assert.All(Messages, sent =>
        {
            var message = sent.Message;
            Assert.Equal(BerichtCodes.Of(Standard.IJw, message.Type), message.Header.BerichtCode);
            Assert.Equal(message.SentByMunicipality ? message.MunicipalityCode : message.ProviderAgb, message.Header.Afzender);
            Assert.Equal(message.SentByMunicipality ? message.ProviderAgb : message.MunicipalityCode, message.Header.Ontvanger);
            Assert.Contains(message.MunicipalityCode, municipalities);
            Assert.InRange(message.Header.Identificatie.Length, 1, 12);
        });
    }

    [Fact]
    public void Identities_are_unique_per_sender_and_type_and_publish_order_never_goes_back()
    {
        var first = new Dictionary<MessageKey, string>();
        for (var i = 0; i < Messages.Count; i++)
        {
            var sent = Messages[i];
            Assert.Equal(i + 1, sent.Sequence);
            if (!sent.IsResend) Assert.Equal(sent.Message.Header.Dagtekening, sent.PublishDate);
            Assert.Equal(sent.IsResend, !first.TryAdd(sent.Message.Key, sent.Name));
            if (i > 0)
            {
                Assert.True(string.CompareOrdinal(Messages[i - 1].Name, sent.Name) < 0, $"{Messages[i - 1].Name} !< {sent.Name}");
                Assert.True(Messages[i - 1].PublishDate <= sent.PublishDate);
            }
        }
        Assert.Equal(full.Scenario.Expected.UniqueMessageCount, first.Count);
    }

    [Fact]
    public void A_315_is_answered_by_the_301_that_echoes_its_ReferentieAanbieder_or_by_a_319_and_never_twice_refused()
    {
        var requests = new Dictionary<(string, string, string), (ScenarioMessage Sent, Bsn Bsn, AangevraagdProduct Product)>();
        foreach (var (sent, verzoek) in full.FirstSent<VerzoekOmToewijzingMessage>())
        {
            Assert.Equal("1", verzoek.Client.GezagsdragerBekend);
            foreach (var product in verzoek.Client.Producten)
                requests.Add((verzoek.MunicipalityCode, verzoek.ProviderAgb, product.ReferentieAanbieder), (sent, verzoek.Client.Bsn, product));
        }

        var granted = new HashSet<(string, string, string)>();
        foreach (var (sent, toewijzing) in full.FirstSent<ToewijzingMessage>())
        {
            var client = Assert.Single(toewijzing.Clients);
            foreach (var product in client.Producten.Where(p => p.ReferentieAanbieder?.StartsWith("VT", StringComparison.Ordinal) == true))
            {
                var key = (toewijzing.MunicipalityCode, toewijzing.ProviderAgb, product.ReferentieAanbieder!);
                Assert.True(requests.TryGetValue(key, out var request), $"{key} answers no 315");
                Assert.True(request.Sent.Sequence < sent.Sequence);
                Assert.True(request.Sent.PublishDate < sent.PublishDate);
                Assert.Equal(request.Bsn, client.Bsn);
                Assert.Equal((request.Product.ProductCode, request.Product.ToewijzingIngangsdatum, request.Product.ToewijzingEinddatum, request.Product.Omvang, request.Product.BudgetCents),
                    (product.ProductCode, product.Ingangsdatum, product.Einddatum, product.Omvang, product.BudgetCents));
                Assert.True(granted.Add(key), $"{key} granted twice");
            }
        }

        var answered = new Dictionary<(string, string, string), string>();
        foreach (var (sent, antwoord) in full.FirstSent<AntwoordMessage>())
        {
            var key = (antwoord.MunicipalityCode, antwoord.ProviderAgb, antwoord.Antwoord.ReferentieAanbieder);
            Assert.Contains(antwoord.Antwoord.VerzoekAntwoord, StandardCodeLists.IJw.VerzoekAntwoord.Codes);
            if (antwoord.Antwoord.VerzoekAntwoord == "1")
            {
                // Refused: a reason, and never an allocation with this reference (TR359).
                Assert.Contains(antwoord.Antwoord.RedenAfwijzingVerzoek!, StandardCodeLists.IJw.RedenAfwijzingVerzoek.Codes);
                Assert.DoesNotContain(key, granted);
            }
            else
            {
                // Under investigation: once, and the 301 follows (TR360).
                Assert.Null(antwoord.Antwoord.RedenAfwijzingVerzoek);
                Assert.Contains(key, granted);
            }
            Assert.True(answered.TryAdd(key, antwoord.Antwoord.VerzoekAntwoord), $"{key} answered twice by a 319");
            if (requests.TryGetValue(key, out var request)) Assert.True(request.Sent.PublishDate < sent.PublishDate);
        }

        var unanswered = requests.Keys.Count(k => !granted.Contains(k) && !answered.ContainsKey(k));
        Assert.Equal(3, unanswered);
        Assert.Equal(requests.Count, granted.Count + answered.Count(a => a.Value == "1" && requests.ContainsKey(a.Key)) + unanswered);
    }

    [Fact]
    public void A_317_asks_a_later_Einddatum_for_all_current_allocations_and_gets_a_newer_301_version_or_a_319()
    {
        var versions = new Dictionary<(string, long), List<(ScenarioMessage Sent, Bsn Bsn, ToegewezenProduct Product)>>();
        foreach (var (sent, toewijzing) in full.FirstSent<ToewijzingMessage>())
        {
            foreach (var product in toewijzing.Clients[0].Producten)
            {
                var key = (toewijzing.MunicipalityCode, product.ToewijzingNummer);
                if (!versions.TryGetValue(key, out var list)) versions[key] = list = [];
                list.Add((sent, toewijzing.Clients[0].Bsn, product));
            }
        }
        var refused = full.FirstSent<AntwoordMessage>().Select(a => (a.Message.MunicipalityCode, a.Message.Antwoord.ReferentieAanbieder)).ToHashSet();

        var (granted, refusedCount, unanswered) = (0, 0, 0);
        foreach (var (sent, wijziging) in full.FirstSent<VerzoekOmWijzigingMessage>())
        {
            var verzoek = wijziging.Verzoek;
            Assert.Empty(verzoek.OngewijzigdeProducten);
            Assert.Empty(verzoek.NieuweProducten);
            Assert.NotEmpty(verzoek.TeWijzigenProducten);
            Assert.Contains(verzoek.RedenVerzoek, StandardCodeLists.IJw.RedenVerzoek.Codes);
            var answers = 0;
            foreach (var change in verzoek.TeWijzigenProducten)
            {
                var history = versions[(wijziging.MunicipalityCode, change.ToewijzingNummer)];
                var original = history[0];
                Assert.Equal(verzoek.Bsn, original.Bsn);
                Assert.True(original.Sent.Sequence < sent.Sequence);
                // The whole duration (TR357), a longer end, and the allocation runs past the simulated months.
                Assert.Equal(original.Product.Ingangsdatum, change.GewensteIngangsdatum);
                Assert.True(change.Einddatum > original.Product.Einddatum);
                Assert.True(original.Product.Einddatum > full.Scenario.Options.PeriodEnd);
                Assert.Equal((original.Product.Omvang, original.Product.BudgetCents), (change.Omvang, change.BudgetCents));

                var answer = history.Where(v => v.Product.ReferentieAanbieder == verzoek.ReferentieAanbieder).ToList();
                Assert.InRange(answer.Count, 0, 1);
                if (answer.Count == 0) continue;
                answers++;
                var version = answer[0];
                Assert.True(version.Sent.PublishDate > sent.PublishDate);
                Assert.True((version.Product.Toewijzingsdatum, version.Product.Toewijzingstijd).CompareTo((original.Product.Toewijzingsdatum, original.Product.Toewijzingstijd)) > 0);
                Assert.Equal(original.Product with
                {
                    ReferentieAanbieder = verzoek.ReferentieAanbieder,
                    Toewijzingsdatum = version.Product.Toewijzingsdatum,
                    Toewijzingstijd = version.Product.Toewijzingstijd,
                    Einddatum = change.Einddatum,
                    RedenWijziging = "04",
                }, version.Product);
            }
            var isRefused = refused.Contains((wijziging.MunicipalityCode, verzoek.ReferentieAanbieder));
            if (answers > 0)
            {
                Assert.Equal(verzoek.TeWijzigenProducten.Count, answers);
                Assert.False(isRefused);
                granted++;
            }
            else if (isRefused) refusedCount++;
            else unanswered++;
        }
        Assert.Equal((58, 6, 5), (granted, refusedCount, unanswered));
    }

    [Fact]
    public void A_305_reports_the_start_of_allocations_granted_before_it_and_a_307_repeats_its_keys_with_the_allocation_end()
    {
        var allocations = new Dictionary<(string, long), (ScenarioMessage Sent, Bsn Bsn, string Provider, ToegewezenProduct Product)>();
        foreach (var (sent, toewijzing) in full.FirstSent<ToewijzingMessage>())
        {
            foreach (var product in toewijzing.Clients[0].Producten)
                allocations.TryAdd((toewijzing.MunicipalityCode, product.ToewijzingNummer), (sent, toewijzing.Clients[0].Bsn, toewijzing.ProviderAgb, product));
        }

        var started = new Dictionary<(string, long), (ScenarioMessage Sent, StartProduct Product)>();
        foreach (var (sent, start) in full.FirstSent<StartZorgMessage>())
        {
            foreach (var product in start.Client.Producten)
            {
                var allocation = allocations[(start.MunicipalityCode, product.ToewijzingNummer!.Value)];
                Assert.True(allocation.Sent.Sequence < sent.Sequence);
                Assert.Equal((allocation.Bsn, allocation.Provider), (start.Client.Bsn, start.ProviderAgb));
                Assert.Equal((allocation.Product.ProductCategorie, allocation.Product.ProductCode), (product.ProductCategorie, product.ProductCode));
                Assert.Equal((allocation.Product.Ingangsdatum, allocation.Product.Ingangsdatum), (product.ToewijzingIngangsdatum!.Value, product.Begindatum));
                Assert.Equal("1", product.StatusAanlevering);
                Assert.True(start.Header.Dagtekening >= product.Begindatum);
                Assert.True(started.TryAdd((start.MunicipalityCode, product.ToewijzingNummer.Value), (sent, product)), "a second start while the first is current (TR326)");
            }
        }

        var stopped = 0;
        foreach (var (sent, stop) in full.FirstSent<StopZorgMessage>())
        {
            foreach (var product in stop.Client.Producten)
            {
                var key = (stop.MunicipalityCode, product.ToewijzingNummer!.Value);
                var start = started[key];
                Assert.True(start.Sent.Sequence < sent.Sequence);
                Assert.Equal((start.Product.ToewijzingNummer, start.Product.ProductCategorie, start.Product.ProductCode, start.Product.Begindatum),
                    (product.ToewijzingNummer, product.ProductCategorie, product.ProductCode, product.Begindatum));
                Assert.Equal(allocations[key].Product.Einddatum, product.Einddatum);
                Assert.True(product.Einddatum <= full.Scenario.Options.PeriodEnd);
                Assert.True(stop.Header.Dagtekening > product.Einddatum);
                Assert.Contains(product.RedenBeeindiging, StandardCodeLists.IJw.RedenBeeindiging.Codes);
                Assert.NotEqual("20", product.RedenBeeindiging);
                stopped++;
            }
        }

        Assert.Equal((1594, 1560, 730), (allocations.Count, started.Count, stopped));
        Assert.Equal(34, allocations.Keys.Count(k => !started.ContainsKey(k)));
    }

    [Fact]
    public void A_323_gets_at_most_one_325_that_names_it_and_approves_it_whole()
    {
        var declarations = full.FirstSent<DeclaratieMessage>().ToDictionary(d => d.Message.Key);
        var answered = new HashSet<MessageKey>();
        foreach (var (sent, antwoord) in full.FirstSent<DeclaratieAntwoordMessage>())
        {
            Assert.True(declarations.TryGetValue(antwoord.OriginalMessageKey, out var declaration), $"{antwoord.Key} answers no 323");
            Assert.True(answered.Add(antwoord.OriginalMessageKey));
            Assert.Equal(declaration.Message.Header.Dagtekening, antwoord.DeclaratieIdentificatie.Dagtekening);
            Assert.True(declaration.Sent.PublishDate < sent.PublishDate);
            Assert.True(antwoord.FullyApproved);
            Assert.Equal([StandardRetourCodes.GeenOpmerking], antwoord.RetourCodes);
            var body = antwoord.Antwoord!;
            Assert.Equal(declaration.Message.DeclaratieNummer, body.DeclaratieNummer);
            Assert.Equal((declaration.Message.TotaalIngediendBedragCents, declaration.Message.TotaalIngediendBedragCents), (body.TotaalIngediendBedragCents, body.TotaalToegekendBedragCents));
            Assert.Empty(body.Clienten);
            Assert.True(DutchWorkingDays.IsWorkingDay(antwoord.Header.Dagtekening));
        }
        Assert.Equal((721 - 11, 701), (declarations.Count, answered.Count));
    }

    [Fact]
    public void The_extra_traffic_changes_no_declaration_and_no_planned_allocation_of_the_demo()
    {
        var demo = ScenarioGenerator.Generate(ScenarioOptions.Demo);

        Assert.Equal(Render<DeclaratieMessage>(demo.Messages), Render<DeclaratieMessage>(Messages));
        Assert.Equal(demo.Expected.DeclaredCents.OrderBy(k => k.Key.ToString()), full.Scenario.Expected.DeclaredCents.OrderBy(k => k.Key.ToString()));
        Assert.Equal(demo.Ceilings, full.Scenario.Ceilings);

        // The planned 301s: the same allocations, only ReferentieAanbieder added where a 315 asked; the 301s answering a 317 come on top.
        static IEnumerable<string> Allocations(IEnumerable<ScenarioMessage> messages) => messages
            .Where(m => !m.IsResend).Select(m => m.Message).OfType<ToewijzingMessage>()
            .Where(t => t.Clients[0].Producten.All(p => p.RedenWijziging is null))
            .Select(t => string.Join(";", t.Clients[0].Producten.Select(p => (t.MunicipalityCode, p with { ReferentieAanbieder = null }).ToString())));
        Assert.Equal(Allocations(demo.Messages), Allocations(Messages));
    }

    private static List<string> Render<T>(IEnumerable<ScenarioMessage> messages) where T : IstdMessage =>
        messages.Where(m => m.Message is T).Select(m => $"{m.IsResend}|{MessageText.Render(m.Message)}").ToList();
}
