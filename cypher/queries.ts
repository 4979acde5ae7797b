/** Read statements behind the API. Every value is a $param; nothing is concatenated. */
export const QUERIES = {
  health: `
    CALL dbms.components() YIELD versions, edition
    CALL () { MATCH (n) RETURN count(n) AS nodes }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
    CALL () { MATCH (d:Document) RETURN count(d) AS documents }
    CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
    RETURN versions[0] AS version, edition, nodes, relationships, documents, entities`,
} as const;
