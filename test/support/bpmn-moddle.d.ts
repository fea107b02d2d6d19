/** The part of bpmn-moddle the BPMN export test reads with; the package ships no types for its entry point. */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>
  }
}
