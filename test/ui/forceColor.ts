// Imported first by tests that compare coloured and colourless frames: chalk decides its
// colour level when it loads, and a test's stdout is not a terminal.
process.env.FORCE_COLOR = '1';
