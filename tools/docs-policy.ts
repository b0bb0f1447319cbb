// npm run docs:policy — regenerates the article table of docs/POLICY.md from policy/law/map.yaml.
import { POLICY_DOC_PATH, writePolicyDocument } from '../src/adapters/law/policy-doc.ts';

console.log(writePolicyDocument() ? `已更新 ${POLICY_DOC_PATH}` : `${POLICY_DOC_PATH} 已是最新`);
