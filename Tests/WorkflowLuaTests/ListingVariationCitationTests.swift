import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

/// The law's edges, each exactly as strict as the statute: a listing before the event that made it
/// is recorded with a warning (the Act says when a hearing must be held, not what a listing may say); a DAPO varied to end sooner ends the requirements that would outlast it,
/// with a warning; DAPN service cites the subsection that requires a constable.
@Suite("Law edges: listings, variations, citations")
struct ListingVariationCitationTests {
    @Test func aHearingListedBeforeTheApplicationIsRecordedWithAWarningNotRefused() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")
        // Served 2026-05-01 11:00 BST (step 2); applied at 12:00 with the hearing listed at 11:30.
        let request = { (listed: Value) in
            TransitionRequest(
                caseID: "N1", event: "apply_for_order", at: Instant.parse("2026-05-01T12:00:00+01:00")!,
                actor: Actor(id: "PC1", role: "constable"), data: ["court": "Colchester", "listed_for": listed], force: "national")
        }
        let slipped = try national.engine.transition(served, request("2026-05-01T11:30:00+01:00"))
        #expect(slipped.to == "hearing")
        #expect(
            slipped.data["warnings"]
                == ["listed_for 2026-05-01T11:30:00+01:00 is before this apply_for_order (2026-05-01T12:00:00+01:00); check the listing the court gave"])
        // Listed after the event, within the 48 hours: nothing to say.
        #expect(try national.engine.transition(served, request("2026-05-02T10:00:00+01:00")).data["warnings"] == nil)
        // The DAPO workflow says the same.
        let dapo = try ShippedWorkflow("dapo")
        let incident = try dapo.fire(
            nil, "report_incident", at: "2026-02-02T09:00:00Z",
            [
                "route": "police_application", "perpetrator_dob": "1985-03-02", "victim_dob": "1990-01-10",
                "relationship": "intimate_relationship", "abuse": "economic",
            ])
        let applied = try dapo.engine.transition(
            incident,
            TransitionRequest(
                caseID: "R1", event: "apply_for_order", at: Instant.parse("2026-02-02T10:00:00Z")!, actor: Actor(id: "PC1", role: "constable"),
                data: ["court": "Teesside", "listed_for": "2026-02-01T10:00:00Z"], force: "national"))
        #expect(applied.data["warnings"] == ["listed_for 2026-02-01T10:00:00Z is before this apply_for_order (2026-02-02T10:00:00Z); check the listing the court gave"])
    }

    @Test func aDapoVariedToEndSoonerEndsTheRequirementsThatWouldOutlastItWithAWarning() throws {
        let dapo = try ShippedWorkflow("dapo")
        var s = try dapo.fire(
            nil, "report_incident", at: "2026-02-02T09:00:00Z",
            [
                "route": "police_application", "perpetrator_dob": "1985-03-02", "victim_dob": "1990-01-10",
                "relationship": "intimate_relationship", "abuse": "economic",
            ])
        s = try dapo.fire(s, "apply_for_order", at: "2026-02-02T10:00:00Z", ["court": "Teesside", "listed_for": "2026-02-03T10:00:00Z"])
        s = try dapo.fire(s, "grant_order", at: "2026-02-03T11:00:00Z", ["ends_on": "2026-06-30"])
        s = try dapo.fire(s, "impose_requirement", at: "2026-02-03T11:10:00Z", ["requirement": "no_contact", "kind": "prohibition", "terms": "t"])
        s = try dapo.fire(
            s, "impose_requirement", at: "2026-02-03T11:20:00Z",
            ["requirement": "curfew", "kind": "prohibition", "terms": "t", "requirement_ends_on": "2026-03-01"])
        let varied = try dapo.engine.transition(
            s,
            TransitionRequest(
                caseID: "R1", event: "vary_order", at: Instant.parse("2026-02-10T11:00:00Z")!, actor: Actor(id: "PC1", role: "constable"),
                data: ["variation": "shorter", "applicant": "perpetrator", "ends_on": "2026-04-30"], force: "national"))
        #expect(
            varied.data["warnings"]
                == [
                    "requirements no_contact ran past the order's new last day 2026-04-30 and end with it (DA 2021 s.40: a requirement of the order ends when the order does)"
                ])
        let requirements = try #require(varied.snapshot.data["requirements"]?.objectValue)
        #expect(requirements["no_contact"]?.objectValue?["ends_on"] == "2026-04-30")
        #expect(requirements["curfew"]?.objectValue?["ends_on"] == "2026-03-01")
        // Lengthened, nothing is cut and nothing is said.
        let longer = try dapo.engine.transition(
            s,
            TransitionRequest(
                caseID: "R1", event: "vary_order", at: Instant.parse("2026-02-10T11:00:00Z")!, actor: Actor(id: "PC1", role: "constable"),
                data: ["variation": "longer", "applicant": "chief_officer", "ends_on": "2026-09-30"], force: "national"))
        #expect(longer.data["warnings"] == nil)
        #expect(longer.snapshot.data["requirements"]?.objectValue?["no_contact"]?.objectValue?["ends_on"] == "2026-06-30")
    }

    @Test func dapnServiceByAConstableCitesSection25Subsection3() throws {
        let dapo = try ShippedWorkflow("dapo")
        let event = try #require(dapo.engine.workflow.event(named: "serve_notice"))
        #expect(event.whoRule == "Domestic Abuse Act 2021 s.25(3)")
        #expect(dapo.engine.workflow.event(named: "authorise_notice")?.whoRule == "Domestic Abuse Act 2021 s.22(8)")
    }
}
