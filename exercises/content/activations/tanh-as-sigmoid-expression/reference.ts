// No tfjs here: the reference is an expression, evaluated in float64 (definition.ts).
export {};
