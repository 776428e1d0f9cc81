import type { OptionId, QuestionId } from '../../machines/questions.ts';
import { knowledge, type OptionKnowledge } from './knowledge/index.ts';
import { err, ok, type Result } from './result.ts';
import { decisionTree, type TreeNode } from './tree.ts';

/** The markers around the generated diagram in a Markdown page (docs/architecture.md). */
export const DIAGRAM_START = '<!-- decision-tree:start -->';
export const DIAGRAM_END = '<!-- decision-tree:end -->';

function nodeId(path: readonly OptionId[]): string {
  return path.length === 0 ? 'start' : path.join('_');
}

/** Mermaid treats `"` as the end of a label; its entity keeps the text intact. */
function quoted(text: string): string {
  return `"${text.replaceAll('"', '#quot;')}"`;
}

function optionLabel(question: QuestionId, option: OptionId): string {
  const options: Readonly<Partial<Record<OptionId, OptionKnowledge>>> = knowledge.questions[question].options;
  return options[option]?.label ?? option;
}

function declaration(node: TreeNode): string {
  const id = nodeId(node.path);
  return node.kind === 'question'
    ? `  ${id}[${quoted(knowledge.questions[node.question].title)}]`
    : `  ${id}([${quoted(knowledge.outcomes[node.outcome].api)}])`;
}

/** A node, the edge into it, then its subtree: each edge right after the node it enters, the order the generated diagram has always had. */
function drawSubtree(node: TreeNode, edgeIn: string | undefined, lines: string[], outcomeIds: string[]): void {
  lines.push(declaration(node));
  if (edgeIn !== undefined) lines.push(edgeIn);
  if (node.kind === 'outcome') {
    outcomeIds.push(nodeId(node.path));
    return;
  }
  for (const { option, node: child } of node.branches) {
    drawSubtree(child, `  ${nodeId(node.path)} -->|${quoted(optionLabel(node.question, option))}| ${nodeId(child.path)}`, lines, outcomeIds);
  }
}

/**
 * The decision tree as a Mermaid flowchart, walked from the machine. Questions that two
 * branches share are drawn once per branch, because where an answer leads depends on the path.
 *
 * @example mermaidDiagram().startsWith('```mermaid\nflowchart TD') // true
 */
export function mermaidDiagram(): string {
  const lines = ['```mermaid', 'flowchart TD'];
  const outcomeIds: string[] = [];
  drawSubtree(decisionTree(), undefined, lines, outcomeIds);
  lines.push('  classDef outcome font-weight:bold', `  class ${outcomeIds.join(',')} outcome`, '```');
  return lines.join('\n');
}

/** Why a page could not take the diagram. */
export type DiagramBlockError = { readonly kind: 'markers'; readonly detail: string };

/**
 * Puts `diagram` between the markers of a Markdown page, or appends a "The decision tree" section
 * with the markers when the page has none.
 *
 * @example withDiagram('# Title\n', 'X') // ok('# Title\n\n## The decision tree\n...X...')
 */
export function withDiagram(readme: string, diagram: string): Result<string, DiagramBlockError> {
  const block = `${DIAGRAM_START}\n${diagram}\n${DIAGRAM_END}`;
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start === -1 && end === -1) {
    const section = `## The decision tree\n\nGenerated from the machine by \`npm run diagram\`; do not edit by hand.\n\n${block}\n`;
    return ok(`${readme.trimEnd()}\n\n${section}`);
  }
  if (start === -1 || end === -1 || end < start || readme.indexOf(DIAGRAM_START, start + 1) !== -1) {
    return err({ kind: 'markers', detail: `the page needs exactly one ${DIAGRAM_START} followed by one ${DIAGRAM_END}` });
  }
  return ok(`${readme.slice(0, start)}${block}${readme.slice(end + DIAGRAM_END.length)}`);
}

/** The diagram block currently in a page, or undefined when it has none. */
export function diagramIn(readme: string): string | undefined {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start === -1 || end < start) return undefined;
  return readme.slice(start + DIAGRAM_START.length, end).trim();
}
