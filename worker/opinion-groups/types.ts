/** The shapes the opinion-groups computation reads and returns (see index.ts for what it does). */

/** −1 disagree, 0 pass, +1 agree. */
export type Vote = -1 | 0 | 1;

/** One resident's vote on one statement; indices are 0..participants−1 and 0..statements−1. */
export interface VoteRow {
  participant: number;
  statement: number;
  vote: Vote;
}

export interface OpinionOptions {
  /** Participants with fewer votes (passes count) are not clustered, unless there are fewer statements than this: then a vote on each is enough. Pol.is uses 7. */
  minVotes?: number;
  /** Seeds every random choice (PCA start vectors, k-means++, the silhouette sample). */
  seed?: number;
  /** The largest number of groups tried; k is chosen from 2..maxK (and ≤ 2 + clustered/12) by silhouette. Default 5. */
  maxK?: number;
}

/** A statement that sets a group apart from the other groups (Pol.is "repness"). */
export interface Repness {
  statement: number;
  /** Whether the group agrees or disagrees with it more than the other groups do. */
  direction: 'agree' | 'disagree';
  /** The group's own votes on it. */
  agree: number;
  disagree: number;
  pass: number;
  /** The group's rate of `direction`, with the Laplace prior: (n + 1) / (votes + 2). */
  groupRate: number;
  /** The other groups' agree and disagree rates on it, with the same prior. */
  othersAgreeRate: number;
  othersDisagreeRate: number;
  /** groupRate over the other groups' rate of the same direction. */
  ratio: number;
  /** Two-proportion z of the group against the other groups (one-sided, in `direction`). */
  z: number;
  /** One-proportion z of the group's rate against one half. */
  groupZ: number;
}

export interface VoteCounts {
  agree: number;
  disagree: number;
  pass: number;
}

export interface StatementStats extends VoteCounts {
  statement: number;
  /** The same counts within each group, in group order (clustered participants only). */
  byGroup: VoteCounts[];
}

export interface OpinionGroup {
  id: number;
  size: number;
  centre: [number, number];
  /** Up to 5 statements that set the group apart, most representative first. */
  repness: Repness[];
}

export interface OpinionModel {
  participants: number;
  statements: number;
  /** How many participants had at least minVotes votes and were clustered. */
  clustered: number;
  /** The vote threshold applied (minVotes, or the number of statements if that is smaller; at least 1), kept so that `closestGroup` applies the same one. */
  minVotes: number;
  /** Number of groups: 0 when nobody was clustered, 1 when the clustered all sit on one point. */
  k: number;
  /** Mean silhouette of the chosen clustering on the seeded sample; 0 when k < 2. */
  silhouette: number;
  /** Per statement: the mean vote (the centre of the PCA). */
  means: Float64Array;
  /** The two principal axes, unit vectors over statements (all zeros when there is no variance left for one). */
  components: [Float64Array, Float64Array];
  /** Groups by id 0..k−1: largest first. */
  groups: OpinionGroup[];
  statementsStats: StatementStats[];
  /** Statement indices, broadest agreement first (up to 10). */
  consensus: number[];
  /** Statement indices, most divisive between groups first (up to 10). */
  divisive: number[];
  /** Group per participant, −1 when not clustered. */
  assignment: Int32Array;
  /** x, y per participant; NaN when the participant had fewer than minVotes votes. */
  projection: Float32Array;
}
