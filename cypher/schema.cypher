// Snodo schema: a uniqueness constraint on every natural key and the indexes the queries need.
// Applied at every start; every statement is idempotent (IF NOT EXISTS).

CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (t:Territory) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT category_code IF NOT EXISTS FOR (c:Category) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT cooperative_id IF NOT EXISTS FOR (c:Cooperative) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT partner_id IF NOT EXISTS FOR (p:Partner) REQUIRE p.id IS UNIQUE;
// Entity is the common label of everything named by an id (territories, actors, services, needs):
// ids are unique across the whole network.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
// Actor is the common label of cooperatives and partners: providers and ends of ties.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS FOR (s:Service) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
// One node holds the network version; every write locks it first, so writes are serialised.
CREATE CONSTRAINT network_version_key IF NOT EXISTS FOR (v:NetworkVersion) REQUIRE v.key IS UNIQUE;

// API keys: outside the network (no Entity label), stored as hashes of their secrets.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;

// The audit trail, outside the network too, read newest first.
CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at);

CREATE INDEX territory_level IF NOT EXISTS FOR (t:Territory) ON (t.level);
CREATE POINT INDEX territory_location IF NOT EXISTS FOR (t:Territory) ON (t.location);
CREATE INDEX cooperative_type IF NOT EXISTS FOR (c:Cooperative) ON (c.type);
CREATE INDEX partner_kind IF NOT EXISTS FOR (p:Partner) ON (p.kind);
CREATE INDEX need_urgency IF NOT EXISTS FOR (n:Need) ON (n.urgency);
// No index on TIED_TO(kind): the planner would seek every tie of a kind to MERGE or find one tie
// between two actors (quadratic on import); expanding from the actor is what those queries need.
DROP INDEX tie_kind IF EXISTS;

// Sent referrals: an operational record outside the network (no Entity label), listed newest
// first, filtered by who may see them, folded into monthly counts by the retention job.
CREATE CONSTRAINT sent_referral_id IF NOT EXISTS FOR (r:SentReferral) REQUIRE r.id IS UNIQUE;
CREATE INDEX sent_referral_sent_at IF NOT EXISTS FOR (r:SentReferral) ON (r.sentAt);
CREATE INDEX sent_referral_status IF NOT EXISTS FOR (r:SentReferral) ON (r.status);
CREATE INDEX sent_referral_provider IF NOT EXISTS FOR (r:SentReferral) ON (r.provider);
CREATE INDEX sent_referral_sent_by IF NOT EXISTS FOR (r:SentReferral) ON (r.sentBy);
CREATE INDEX sent_referral_territory IF NOT EXISTS FOR (r:SentReferral) ON (r.territory);
CREATE CONSTRAINT sent_referral_month_key IF NOT EXISTS FOR (m:SentReferralMonth) REQUIRE m.key IS UNIQUE;
// A referral's history: the audit entries of its moves.
CREATE INDEX audit_referral IF NOT EXISTS FOR (e:AuditEntry) ON (e.referral);
// What each ledger reads again: the referrals touched since its last read (Neo4j's clock).
CREATE INDEX sent_referral_touched IF NOT EXISTS FOR (r:SentReferral) ON (r.touched);
CREATE CONSTRAINT sent_referral_retention_key IF NOT EXISTS FOR (x:SentReferralRetention) REQUIRE x.key IS UNIQUE;

// Sharing people and spaces: skills (a tree with codes of their own) and shared spaces (entities,
// so their ids are unique across the network).
CREATE CONSTRAINT skill_code IF NOT EXISTS FOR (s:Skill) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT space_id IF NOT EXISTS FOR (s:Space) REQUIRE s.id IS UNIQUE;
