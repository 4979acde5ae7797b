// cytoscape-fcose ships no types (cytoscape and cytoscape-dagre ship their own).
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
