/** Thrown by test hooks to stand for the process dying at that point: buses never catch or retry it. */
export class SimulatedCrash extends Error {
  constructor(where: string) {
    super(`simulated crash: ${where}`);
    this.name = 'SimulatedCrash';
  }
}
