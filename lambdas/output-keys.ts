/** Where the outputs of an input key go in the output bucket. */
export interface OutputKeys {
  text: string;
  json: string;
}

export function outputKeys(inputKey: string): OutputKeys {
  return {
    text: `text/${inputKey.replace(/\.gz$/i, '')}`,
    json: `json/${inputKey}.json`,
  };
}
