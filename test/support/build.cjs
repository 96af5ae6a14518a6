// jest globalSetup: the tests run the real `winnow` command (bin/winnow.cjs → dist/cli.cjs), so
// the CLI is bundled from the current sources first (esbuild, well under a second).
module.exports = async () => {
  await require('../../scripts/build.cjs').buildForTests();
};
